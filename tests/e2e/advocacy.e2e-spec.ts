import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserPage } from '../support/browser.js';
import { browseAs, createContact, tenantACaller } from '../support/customer-e2e.js';
import { type Caller, gql } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';

describe('advocacy in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();
  let agent: Caller;

  beforeAll(async () => {
    agent = await tenantACaller(suite, 'AGENT');
    await createContact(suite, agent, {
      displayName: 'Lucía Gómez',
      emails: ['lucia@example.com'],
    });
    const pablo = await createContact(suite, agent, {
      displayName: 'Pablo Ortiz',
      emails: ['pablo@example.com'],
    });
    const order = await gql(
      suite.api.graphqlUrl,
      'mutation($input: OrderInput!) { recordOrder(input: $input) { id } }',
      {
        input: {
          externalId: 'advocacy-e2e-1',
          contactId: pablo,
          orderedAt: '2026-03-01T10:00:00Z',
          amount: '80.00',
          currency: 'USD',
        },
      },
      agent,
    );
    if (order.errors) throw new Error(JSON.stringify(order.errors));
  });

  it('lets an owner record a referral, see its chain and set the incentive rule, in Spanish', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'OWNER');
    await page.getByTestId('nav-advocacy').click();
    await expect
      .poll(() => page.getByTestId('page-title').textContent())
      .toBe('Recomendación y referidos');
    await page.getByTestId('advocacy-referrals-empty').waitFor();

    const pick = async (testid: string, typed: string, name: string) => {
      await page.getByTestId(testid).locator('input').fill(typed);
      await page.getByRole('option', { name: new RegExp(name) }).click();
    };
    // The same contact on both sides is refused, in the user's language.
    await pick('referral-referrer', 'Lucía', 'Lucía Gómez');
    await pick('referral-referred', 'Lucía', 'Lucía Gómez');
    await page.getByTestId('referral-submit').click();
    await page.getByText('Un contacto no puede referirse a sí mismo.').waitFor();
    await pick('referral-referred', 'pablo@', 'Pablo Ortiz');
    await page.getByTestId('referral-source').fill('feria');
    await page.getByTestId('referral-submit').click();

    const row = page.getByTestId('referral-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Lucía Gómez.*Pablo Ortiz.*feria/);
    const leader = page.getByTestId('leader-row');
    await expect.poll(() => leader.count()).toBe(1);
    expect(await leader.textContent()).toMatch(/Lucía Gómez.*80,00/);

    // Ten per referred customer who bought, plus 10 % of their revenue: 18 owed.
    await page.getByTestId('rule-amount').fill('10');
    await page.getByTestId('rule-percent').fill('10');
    await page.getByTestId('rule-save').click();
    const owed = page.getByTestId('incentive-row');
    await expect.poll(() => owed.first().textContent()).toMatch(/Lucía Gómez.*18,00/);
  }, 90_000);

  it('shows a viewer the same pictures read-only, in English', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'VIEWER');
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.getByTestId('nav-advocacy').click();
    await expect
      .poll(() => page.getByTestId('page-title').textContent())
      .toBe('Advocacy and referrals');
    await expect.poll(() => page.getByTestId('referral-row').count()).toBe(1);
    expect(await page.getByTestId('advocacy-rule-summary').textContent()).toContain(
      'per referred customer who has bought',
    );
    expect(await page.getByTestId('referral-form').count()).toBe(0);
    expect(await page.getByTestId('referral-delete').count()).toBe(0);
    expect(await page.getByTestId('incentive-rule-form').count()).toBe(0);
  }, 60_000);
});
