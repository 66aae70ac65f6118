import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserPage } from '../support/browser.js';
import { settled } from '../support/customer-activity.js';
import { browseAs, tenantACaller } from '../support/customer-e2e.js';
import { gql } from '../support/graphql-client.js';
import { insertStagedContacts, placeOrders } from '../support/lifecycle-records.js';
import { useSuite } from '../support/suite.js';

describe('the lifecycle in Chromium', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  const browser = useBrowserPage({ width: 1280, height: 900 });
  let luis = '';

  beforeAll(async () => {
    const agent = await tenantACaller(suite, 'AGENT');
    // Two leads and a subscriber; one lead buys and becomes a customer through the upkeep.
    const [lead, , buyer] = await insertStagedContacts(suite.databaseUrl, suite.world.tenants.a, [
      'lead',
      'subscriber',
      'lead',
    ]);
    luis = lead as string;
    await placeOrders(suite.databaseUrl, suite.world.tenants.a, [
      { contactId: buyer as string, daysAgo: 0 },
    ]);
    await settled(suite, agent);
  }, 60_000);

  it('shows an owner the funnel and conversion and lets them set the churn days, in Spanish and Russian', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'OWNER');
    await page.getByTestId('nav-lifecycle').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Ciclo de vida');
    // Leads: the two leads (the buyer passed through lead); customers: the buyer.
    await expect
      .poll(() => page.getByTestId('lifecycle-lead-conversion').textContent())
      .toContain('1 de 2 leads se hicieron clientes');
    const funnel = page.getByTestId('lifecycle-funnel');
    await funnel.getByText('Ver los datos como tabla').click();
    const rows = await funnel.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('Suscriptor3');
    expect(rows[1]).toContain('Lead2');
    // The buyer skipped the qualified stages, so it counts there too: 1 of 2 leads went on.
    expect(rows[2]).toMatch(/Lead cualificado por marketing1\s*50/);
    expect(rows[5]).toMatch(/Cliente1\s*100/);
    await page.getByTestId('lifecycle-cohorts').waitFor();

    await page.getByTestId('lifecycle-churn-days').fill('0');
    await page.getByTestId('lifecycle-churn-save').click();
    await expect
      .poll(() => page.getByTestId('lifecycle-churn').getByTestId('field-error').count())
      .toBe(1);
    await page.getByTestId('lifecycle-churn-days').fill('120');
    await page.getByTestId('lifecycle-churn-save').click();
    await page.getByTestId('lifecycle-churn-saved').waitFor();

    await page.getByTestId('locale-switcher').selectOption('ru');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Жизненный цикл');
    await expect
      .poll(() => page.getByTestId('lifecycle-lead-conversion').textContent())
      .toContain('1 из 2 лидов стали клиентами');
    await page.getByTestId('locale-switcher').selectOption('es');
    const settings = await gql<{ lifecycleSettings: { churnAfterDays: number } }>(
      suite.api.graphqlUrl,
      '{ lifecycleSettings { churnAfterDays } }',
      {},
      await tenantACaller(suite, 'VIEWER'),
    );
    expect(settings.data?.lifecycleSettings.churnAfterDays).toBe(120);
  }, 90_000);

  it('lets an agent move a contact’s stage with a reason and see it in the history', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'AGENT');
    await page.goto(`${suite.api.url}/contacts/${luis}`);
    await page.getByTestId('lifecycle-move').click();
    await page.getByTestId('lifecycle-move-stage').selectOption('marketingQualifiedLead');
    await page.getByTestId('lifecycle-move-submit').click();
    await expect
      .poll(() => page.getByTestId('lifecycle-move-form').getByTestId('field-error').count())
      .toBe(1);
    await page.getByTestId('lifecycle-move-reason').fill('Pidió una demo');
    await page.getByTestId('lifecycle-move-submit').click();
    await expect
      .poll(() => page.getByTestId('lifecycle-history-entry').first().textContent())
      .toContain('Lead → Lead cualificado por marketing');
    expect(await page.getByTestId('lifecycle-history-entry').first().textContent()).toContain(
      'Pidió una demo',
    );
    await expect
      .poll(() => page.getByTestId('contact-stage').textContent())
      .toContain('Lead cualificado por marketing');
  }, 60_000);

  it('shows a viewer the history and the funnel without any way to change them', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'VIEWER');
    await page.goto(`${suite.api.url}/contacts/${luis}`);
    await page.getByTestId('lifecycle-history').waitFor();
    expect(await page.getByTestId('lifecycle-move').count()).toBe(0);
    await page.getByTestId('nav-lifecycle').click();
    await page.getByTestId('lifecycle-funnel').waitFor();
    await expect
      .poll(() => page.getByTestId('lifecycle-churn-value').textContent())
      .toMatch(/tras \d+ días sin actividad/);
    expect(await page.getByTestId('lifecycle-churn-save').count()).toBe(0);
  }, 60_000);
});
