import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('companies in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();
  let contactId = '';

  beforeAll(async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const created = await gql<{ createContact: { id: string } }>(
      api.graphqlUrl,
      'mutation { createContact(input: { firstName: "Marta", lastName: "Ruiz" }) { id } }',
      {},
      { token: owner.accessToken, tenantId: world.tenants.a },
    );
    expect(created.errors).toBeUndefined();
    contactId = created.data?.createContact.id ?? '';
  });

  it('an owner creates a company, links a contact to it with a role, and sees them there', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aOWNER.email, PASSWORD);
    await page.getByTestId('tenant-switcher').selectOption(world.tenants.a);
    await page.getByTestId('nav-companies').click();
    await page.getByTestId('companies-empty').waitFor();
    await page.getByTestId('company-new').click();
    await page.getByTestId('company-form-name').fill('Acme Tostadores');
    // The domain is checked as the api checks it, then stored normalised.
    await page.getByTestId('company-form-domain').fill('not a domain');
    await page.getByTestId('company-form-submit').click();
    await page
      .locator('.ui-field')
      .filter({ has: page.getByTestId('company-form-domain') })
      .getByTestId('field-error')
      .waitFor();
    await page.getByTestId('company-form-domain').fill('https://www.Acme-Tostadores.com/about');
    await page.getByTestId('company-form-submit').click();
    await page.waitForURL(/\/companies\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Acme Tostadores');
    expect(await page.locator('.page-header__subtitle').textContent()).toBe('acme-tostadores.com');
    const companyUrl = page.url();

    await page.goto(`${api.url}/contacts/${contactId}`);
    await page.getByTestId('contact-company-search').fill('acme');
    const select = page.getByTestId('contact-company-select');
    await expect
      .poll(() => select.locator('option').allTextContents())
      .toContain('Acme Tostadores (acme-tostadores.com)');
    await select.selectOption({ label: 'Acme Tostadores (acme-tostadores.com)' });
    await page.getByTestId('contact-company-role-input').fill('Buyer');
    await page.getByTestId('contact-company-link').click();
    const linked = page.getByTestId('contact-company').filter({ hasText: 'Acme Tostadores' });
    await expect
      .poll(() => linked.getByTestId('contact-company-role').textContent())
      .toContain('Buyer');

    await page.goto(companyUrl);
    const person = page.getByTestId('company-person').filter({ hasText: 'Marta Ruiz' });
    await expect
      .poll(() => person.getByTestId('company-person-role').textContent())
      .toContain('Buyer');

    // The list finds it by search (held in the URL).
    await page.goto(`${api.url}/companies?q=tostad`);
    await expect
      .poll(() => page.getByTestId('company-name').allTextContents())
      .toEqual(['Acme Tostadores']);
    await page.getByTestId('locale-switcher').selectOption('es');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Empresas');
    await page.getByTestId('locale-switcher').selectOption('en');
  }, 90_000);
});
