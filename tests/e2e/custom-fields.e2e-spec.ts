import { describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('custom-field settings in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  it('an owner defines a one-of field that the contact form then offers, edits and deletes it', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aOWNER.email, PASSWORD);
    await page.getByTestId('tenant-switcher').selectOption(world.tenants.a);
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.getByTestId('nav-custom-fields').click();
    await expect.poll(() => page.title()).toContain('Custom fields');
    await page.getByTestId('custom-field-new-CONTACT').click();
    await page.getByTestId('custom-field-label').fill('Tier');
    await page.getByTestId('custom-field-key').fill('Bad Key');
    await page.getByTestId('custom-field-type').selectOption('ONE_OF');
    await page.getByTestId('custom-field-submit').click();
    // A bad key and a one-of field without options are each refused on their own field.
    for (const testid of ['custom-field-key', 'custom-field-options'])
      await page
        .locator('.ui-field')
        .filter({ has: page.getByTestId(testid) })
        .getByTestId('field-error')
        .waitFor();
    await page.getByTestId('custom-field-key').fill('tier');
    await page.getByTestId('custom-field-options').pressSequentially('gold,silver,');
    await page.getByTestId('custom-field-submit').click();
    const row = page.getByTestId('custom-field-row').filter({ hasText: 'Tier' });
    await expect.poll(() => row.textContent()).toContain('gold, silver');

    await page.goto(`${api.url}/contacts/new`);
    await expect
      .poll(() => page.getByTestId('custom-field-tier').locator('option').allTextContents())
      .toEqual(['—', 'gold', 'silver']);

    await page.goto(`${api.url}/settings/custom-fields`);
    await row.getByTestId('custom-field-edit').click();
    await page.getByTestId('custom-field-label').fill('Customer tier');
    await page.getByTestId('custom-field-submit').click();
    const renamed = page.getByTestId('custom-field-row').filter({ hasText: 'Customer tier' });
    await renamed.waitFor();
    await renamed.getByTestId('custom-field-delete').click();
    await page.locator('dialog[open]').getByTestId('confirm-yes').click();
    await expect.poll(() => renamed.count()).toBe(0);
  }, 90_000);

  it('shows a viewer the fields without write controls', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await page.getByTestId('signout').click();
    await signInAs(page, api.url, world.users.aVIEWER.email, PASSWORD);
    await page.getByTestId('tenant-switcher').selectOption(world.tenants.a);
    await page.getByTestId('nav-custom-fields').click();
    await page.getByTestId('custom-fields-read-only').waitFor();
    expect(await page.getByTestId('custom-field-new-CONTACT').count()).toBe(0);
    expect(await page.getByTestId('custom-field-new-COMPANY').count()).toBe(0);
    await page.getByTestId('locale-switcher').selectOption('ru');
    await expect
      .poll(() => page.getByTestId('page-title').textContent())
      .toBe('Дополнительные поля');
    await page.getByTestId('locale-switcher').selectOption('en');
  }, 60_000);
});
