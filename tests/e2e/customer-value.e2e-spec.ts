import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserPage } from '../support/browser.js';
import { writeActivity } from '../support/customer-activity.js';
import { browseAs, tenantACaller } from '../support/customer-e2e.js';
import { insertContacts } from '../support/customer-records.js';
import { fitCustomerValue } from '../support/customer-value.js';
import { useSuite } from '../support/suite.js';

describe('customer value in Chromium', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  const browser = useBrowserPage({ width: 1280, height: 900 });

  beforeAll(async () => {
    const ids = await insertContacts(
      suite.databaseUrl,
      suite.world.tenants.a,
      Array.from({ length: 60 }, (_, index) => `Cliente ${index}`),
    );
    // Sixty customers over a year: some buy again, every few weeks, for different amounts.
    const orders = ids.flatMap((contactId, index) =>
      Array.from({ length: 1 + (index % 4) }, (_, order) => ({
        contactId,
        daysAgo: 360 - index * 3 - order * (20 + (index % 5) * 7),
        amount: 15 + ((index * 7 + order * 11) % 60),
      })).filter((purchase) => purchase.daysAgo > 0),
    );
    await writeActivity(suite.databaseUrl, suite.world.tenants.a, Date.now(), orders, []);
    const manager = await tenantACaller(suite, 'MANAGER');
    const fit = await fitCustomerValue(suite.api.graphqlUrl, manager, {});
    expect(fit.state).toBe('SUCCEEDED');
  }, 90_000);

  it('shows an owner the fit and its check, refuses a future calibration end and plans with the calculator, in Spanish and Russian', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'OWNER');
    await page.getByTestId('nav-customer-value').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Valor del cliente');
    // A future calibration end is refused in the user's language, before anything is sent.
    await page.getByTestId('clv-calibration-end').fill('2999-01-01');
    await page.getByTestId('clv-fit-now').click();
    await expect
      .poll(() => page.getByTestId('clv-fit-form').textContent())
      .toContain('Escribe un día pasado');
    await expect.poll(() => page.getByTestId('clv-fit-bgnbd').isVisible()).toBe(true);
    expect(await page.getByTestId('clv-fit-bgnbd').textContent()).toMatch(/r \d+,\d{2}/);
    expect(await page.getByTestId('clv-fit-check').isVisible()).toBe(true);

    await page.getByTestId('locale-switcher').selectOption('ru');
    await expect.poll(() => page.locator('#clv-fit-title').textContent()).toBe('Последний расчёт');
    // The planning calculator answers as the user types, and names a bad value.
    await page.getByTestId('clv-calculator-retention').fill('100');
    await expect
      .poll(() => page.getByTestId('clv-calculator').textContent())
      .toContain('меньше 100');
    await page.getByTestId('clv-calculator-retention').fill('80');
    await expect.poll(() => page.getByTestId('clv-calculator-result').textContent()).toMatch(/\d/);
    await page.getByTestId('locale-switcher').selectOption('es');
  }, 120_000);

  it('shows a viewer the value without the fit form', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'VIEWER');
    await page.getByTestId('nav-customer-value').click();
    await expect.poll(() => page.getByTestId('clv-fit').isVisible()).toBe(true);
    expect(await page.getByTestId('clv-fit-form').count()).toBe(0);
  }, 60_000);
});
