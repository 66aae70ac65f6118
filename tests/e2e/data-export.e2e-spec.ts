import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserPage } from '../support/browser.js';
import { browseAs, createContact, tenantACaller } from '../support/customer-e2e.js';
import { runExport } from '../support/data-exports.js';
import { useSuite } from '../support/suite.js';

describe('exports in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  beforeAll(async () => {
    const agent = await tenantACaller(suite, 'AGENT');
    await createContact(suite, agent, { displayName: 'Lucía Fernández', tags: ['vip'] });
    await createContact(suite, agent, { displayName: 'Lucas Prieto', tags: ['vip'] });
    await createContact(suite, agent, { displayName: 'Lucio Sin Etiqueta' });
    await createContact(suite, agent, { displayName: 'Otro Cliente', tags: ['vip'] });
  });

  it('exports the contacts list as filtered and searched, in the Spanish dialect, and downloads the file', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'AGENT');
    await page.goto(`${suite.api.url}/contacts?tag=vip&q=Luc`);
    await page.getByTestId('contact-bulk-export').click();
    await page.waitForURL(/\/exports\?started=/);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Exportaciones');
    const row = page.getByTestId('export-row').first();
    await expect
      .poll(() => row.getByTestId('export-state').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('SUCCEEDED');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('export-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean);
    // Spanish: columns split by a semicolon.
    expect(header).toContain(';');
    expect(lines).toHaveLength(2);
    expect(csv).toContain('Lucía Fernández');
    expect(csv).toContain('Lucas Prieto');
    expect(csv).not.toContain('Lucio Sin Etiqueta');
    expect(csv).not.toContain('Otro Cliente');

    // A whole entity from the exports page.
    await page.getByTestId('export-entity').selectOption('ORDERS');
    await page.getByTestId('export-start-submit').click();
    await expect.poll(() => page.getByTestId('export-row').count()).toBe(2);
  }, 90_000);

  it('lets a viewer download exports but not start one, in English', async () => {
    const { page } = browser;
    await runExport(suite.api.graphqlUrl, await tenantACaller(suite, 'AGENT'), {
      entity: 'COMPANIES',
      locale: 'en',
    });
    await browseAs(page, suite, 'VIEWER');
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.getByTestId('nav-exports').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Exports');
    await page.getByTestId('export-read-only').waitFor();
    expect(await page.getByTestId('export-start').count()).toBe(0);
    const companies = page.getByTestId('export-row').filter({ hasText: 'Companies' });
    await companies.getByTestId('export-download').waitFor();
    await page.goto(`${suite.api.url}/contacts`);
    await page.getByTestId('page-title').waitFor();
    expect(await page.getByTestId('contact-bulk-export').count()).toBe(0);
    await page.getByTestId('locale-switcher').selectOption('es');
  }, 60_000);
});
