import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserPage } from '../support/browser.js';
import { browseAs, createContact, tenantACaller } from '../support/customer-e2e.js';
import { type Caller, errorCodes, gql } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';

describe('privacy requests in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();
  let agent: Caller;
  let marta = '';

  beforeAll(async () => {
    agent = await tenantACaller(suite, 'AGENT');
    marta = await createContact(suite, agent, {
      displayName: 'Marta Ruiz',
      emails: ['marta.ruiz@example.com'],
      city: 'Bilbao',
    });
  });

  it('lets an owner download a contact’s data, erase it after typing its name, and read the audit log', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'OWNER');
    await page.getByTestId('nav-privacy').click();
    await expect
      .poll(() => page.getByTestId('page-title').textContent())
      .toBe('Solicitudes de privacidad');
    await page.getByTestId('privacy-contact-search').fill('marta.ruiz');
    await page.getByTestId('privacy-contact-match').filter({ hasText: 'Marta Ruiz' }).click();
    await page.waitForURL(new RegExp(`[?&]contact=${marta}`));
    await expect
      .poll(() => page.getByTestId('privacy-contact-name').textContent())
      .toBe('Marta Ruiz');

    // Everything held about her, as one JSON document.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('privacy-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`marta-ruiz-${marta}.json`);
    const held = readFileSync((await download.path()) as string, 'utf8');
    expect(held).toContain('marta.ruiz@example.com');
    expect(() => JSON.parse(held)).not.toThrow();

    // Erasure asks why and for her name, typed again.
    await page.getByTestId('privacy-erase-submit').click();
    const form = page.getByTestId('privacy-erase-form');
    await expect.poll(() => form.getByTestId('field-error').count()).toBe(2);
    await page.getByTestId('privacy-erase-reason').fill('Solicitud de supresión por correo');
    await page.getByTestId('privacy-erase-confirm').fill('Marta R.');
    await page.getByTestId('privacy-erase-submit').click();
    await expect.poll(() => form.getByTestId('field-error').count()).toBe(1);
    await page.getByTestId('privacy-erase-confirm').fill('marta ruiz');
    await page.getByTestId('privacy-erase-submit').click();
    await page.getByTestId('privacy-erased').waitFor();
    const gone = await gql(
      suite.api.graphqlUrl,
      'query ($id: ID!) { contact(id: $id) { id } }',
      { id: marta },
      agent,
    );
    expect(errorCodes(gone)).toEqual(['NOT_FOUND']);

    // Both requests are in the owner's audit log, newest first.
    const kinds = page.getByTestId('privacy-log-kind');
    await expect
      .poll(() => kinds.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-kind'))))
      .toEqual(['ERASURE', 'EXPORT']);
    expect(await page.getByTestId('privacy-log-row').first().textContent()).toContain(
      'Solicitud de supresión por correo',
    );
  }, 90_000);

  it('shows an agent neither the requests nor the audit log, in Russian', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'AGENT');
    await page.getByTestId('locale-switcher').selectOption('ru');
    expect(await page.getByTestId('nav-privacy').count()).toBe(0);
    await page.goto(`${suite.api.url}/settings/privacy`);
    await expect
      .poll(() => page.getByTestId('page-title').textContent())
      .toBe('Запросы о персональных данных');
    await page.getByTestId('privacy-read-only').waitFor();
    expect(await page.getByTestId('privacy-contact-search').count()).toBe(0);
    expect(await page.getByTestId('privacy-log').count()).toBe(0);
    await page.getByTestId('locale-switcher').selectOption('es');
  }, 60_000);
});
