import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('contacts in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();
  let contactUrl = '';

  beforeAll(async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const defined = await gql(
      api.graphqlUrl,
      `mutation { defineCustomField(input: { entity: CONTACT, key: "plan", label: "Plan",
        type: ONE_OF, options: ["basic", "pro"] }) { id } }`,
      {},
      { token: owner.accessToken, tenantId: world.tenants.a },
    );
    expect(defined.errors).toBeUndefined();
  });

  it('an owner creates a contact with a custom field, opens it, and writes then edits a note', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aOWNER.email, PASSWORD);
    await page.getByTestId('tenant-switcher').selectOption(world.tenants.a);
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contact-new').click();
    await page.getByTestId('contact-form-firstName').fill('Lucía');
    await page.getByTestId('contact-form-lastName').fill('Gómez');
    const emails = page.getByTestId('contact-form-emails');
    await emails.fill('lucia@example.com');
    await emails.press('Enter');
    await page.getByTestId('custom-field-plan').selectOption('pro');
    // A refused value is said on its field before anything is sent.
    await page.getByTestId('contact-form-country').fill('XX');
    await page.getByTestId('contact-form-submit').click();
    const countryError = page
      .locator('.ui-field')
      .filter({ has: page.getByTestId('contact-form-country') })
      .getByTestId('field-error');
    await countryError.waitFor();
    await page.getByTestId('contact-form-country').fill('ES');
    await page.getByTestId('contact-form-submit').click();

    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    contactUrl = page.url();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Lucía Gómez');
    expect(await page.title()).toContain('Lucía Gómez');
    expect(await page.getByTestId('contact-custom-plan').textContent()).toBe('pro');
    expect(await page.getByTestId('contact-stage').textContent()).toContain('Lead');

    // The timeline: a note, then its author rewrites it and the first text stays in its history.
    await page.getByTestId('note-body').fill('Asked about the pro plan');
    await page.getByTestId('note-body-submit').click();
    // The only note (its text leaves the entry's text while it is being edited).
    const note = page.locator('[data-testid="timeline-entry"][data-kind="NOTE"]');
    await note.filter({ hasText: 'Asked about the pro plan' }).waitFor();
    await note.getByTestId('note-edit').click();
    await note.getByTestId('note-edit-body').fill('Asked about the pro plan for 12 seats');
    await note.getByTestId('note-edit-body-submit').click();
    const edited = page
      .getByTestId('timeline-entry')
      .filter({ hasText: 'Asked about the pro plan for 12 seats' });
    await edited.getByTestId('timeline-edited').waitFor();
    await edited.getByTestId('note-history').click();
    await expect
      .poll(() => edited.getByTestId('note-version').allTextContents())
      .toEqual([expect.stringContaining('Asked about the pro plan')]);

    // Filtering the timeline by kind keeps the note.
    await page.getByTestId('timeline-kind').selectOption('NOTE');
    await expect.poll(() => page.getByTestId('timeline-entry').count()).toBe(1);

    // The list finds the contact by search and by its custom field, both held in the URL.
    await page.goto(`${api.url}/contacts?q=gómez`);
    await expect
      .poll(() => page.getByTestId('contact-name').allTextContents(), { timeout: 15_000 })
      .toEqual(['Lucía Gómez']);
    expect(await page.getByTestId('contact-search').inputValue()).toBe('gómez');
    await page.getByTestId('contact-filter-cf-plan').selectOption('basic');
    await page.waitForURL(/cf\.plan=basic/);
    await page.getByTestId('contacts-empty').waitFor();
    await page.getByTestId('contact-filter-cf-plan').selectOption('pro');
    await expect
      .poll(() => page.getByTestId('contact-name').allTextContents(), { timeout: 15_000 })
      .toEqual(['Lucía Gómez']);
  }, 90_000);

  it('shows the contacts pages in Spanish and Russian', async () => {
    const { page } = browser;
    const { api } = suite;
    await page.goto(`${api.url}/contacts`);
    await page.getByTestId('locale-switcher').selectOption('es');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Contactos');
    expect(await page.getByTestId('contact-new').textContent()).toContain('Nuevo contacto');
    await page.goto(contactUrl);
    await page.getByTestId('locale-switcher').selectOption('ru');
    await expect.poll(() => page.locator('#contact-timeline-title').textContent()).toBe('История');
    expect(await page.getByTestId('note-body-submit').textContent()).toContain('Добавить заметку');
    await page.getByTestId('locale-switcher').selectOption('en');
  }, 60_000);

  it('shows a viewer no write controls', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await page.getByTestId('signout').click();
    await signInAs(page, api.url, world.users.aVIEWER.email, PASSWORD);
    await page.getByTestId('tenant-switcher').selectOption(world.tenants.a);
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('contacts-read-only').waitFor();
    await page.getByTestId('contact-name').first().waitFor();
    expect(await page.getByTestId('contact-new').count()).toBe(0);
    expect(await page.getByTestId('contact-bulk').count()).toBe(0);
    expect(await page.getByTestId('contact-select').count()).toBe(0);
    await page.goto(contactUrl);
    await page.getByTestId('contact-read-only').waitFor();
    await page.getByTestId('timeline-entry').first().waitFor();
    for (const control of [
      'contact-edit',
      'note-body',
      'note-edit',
      'identity-add',
      'contact-company-link',
      'log-interaction',
    ])
      expect(await page.getByTestId(control).count(), control).toBe(0);
  }, 60_000);
});
