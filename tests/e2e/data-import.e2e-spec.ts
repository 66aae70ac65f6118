import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, useBrowserPage } from '../support/browser.js';
import { browseAs, tenantACaller } from '../support/customer-e2e.js';
import { importFixture, runImport, uploadImport } from '../support/data-imports.js';
import { useSuite } from '../support/suite.js';

const FIXTURE = fileURLToPath(
  new URL('../support/fixtures/imports/contacts-with-errors.csv', import.meta.url),
);

const MAPPING = [
  ['External id', 'externalId'],
  ['First name', 'firstName'],
  ['Last name', 'lastName'],
  ['Email', 'emails'],
  ['Phone', 'phones'],
  ['Country', 'country'],
  ['Tags', 'tags'],
] as const;

describe('import wizard in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  it('uploads a CSV with errors, dry-runs it, shows each bad row with its column, imports the rest and downloads the report', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'AGENT');
    await page.getByTestId('nav-import').click();
    // Spanish, the default language.
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Importar');
    await expect.poll(() => page.title()).toBe('Importar — Social CRM');

    await page.getByTestId('import-entity').selectOption('CONTACTS');
    await page.getByTestId('import-file').setInputFiles(FIXTURE);
    await page.getByTestId('import-upload-submit').click();
    await page.getByTestId('import-mapping').waitFor();
    await page.waitForURL(/[?&]id=/);
    // What was detected, and the columns with their suggested fields.
    expect(await page.getByTestId('import-delimiter').inputValue()).toBe(';');
    expect(await page.getByTestId('import-encoding').inputValue()).toBe('UTF-8');
    const columns = await page
      .getByTestId('mapping-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-column')));
    expect(columns).toEqual([
      'External id',
      'First name',
      'Last name',
      'Email',
      'Phone',
      'Country',
      'Tags',
      'Favourite colour',
    ]);
    // Headers that name a field are matched; the rest are mapped by hand.
    const fieldOf = (column: string) =>
      page
        .locator(`[data-testid="mapping-row"][data-column="${column}"]`)
        .getByTestId('mapping-field');
    expect(await fieldOf('External id').inputValue()).toBe('externalId');
    for (const [column, field] of MAPPING) await fieldOf(column).selectOption(field);

    await page.getByTestId('import-save-as').fill('Clientes de la tienda');
    await page.getByTestId('import-dry-run').click();
    const progress = page.getByTestId('import-progress');
    await expect
      .poll(() => progress.getAttribute('data-state'), { timeout: 30_000 })
      .toBe('SUCCEEDED');
    expect(await progress.getAttribute('data-dry-run')).toBe('true');
    expect(await page.getByTestId('import-imported').textContent()).toBe('3');
    expect(await page.getByTestId('import-failed').textContent()).toBe('5');
    // One error per bad row, naming its row and column.
    const errors = page.getByTestId('import-error-row');
    await expect.poll(() => errors.count()).toBe(5);
    const pairs = await errors.evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector('[data-testid="import-error-rownumber"]')?.textContent?.trim(),
        row.querySelector('[data-testid="import-error-column"]')?.textContent?.trim(),
      ]),
    );
    expect(pairs.slice(0, 4)).toEqual([
      ['2', 'Email'],
      ['3', 'Phone'],
      ['4', 'External id'],
      ['5', 'Country'],
    ]);
    await page.screenshot({ path: `${ARTIFACTS_DIR}import-dry-run.png`, fullPage: true });

    // The import itself, followed live until it ends.
    await page.getByTestId('import-run').click();
    await expect.poll(() => progress.getAttribute('data-dry-run')).toBe('false');
    await expect
      .poll(() => progress.getAttribute('data-state'), { timeout: 30_000 })
      .toBe('SUCCEEDED');
    expect(await page.getByTestId('import-imported').textContent()).toBe('3');
    expect(await page.getByTestId('import-mapping').count()).toBe(0);

    // The error report downloads through the session (an authenticated fetch).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-error-report').click(),
    ]);
    expect(download.suggestedFilename()).toBe('contacts-with-errors-errors.csv');
    const report = readFileSync((await download.path()) as string, 'utf8');
    expect(report).toContain('Email');
    expect(report.split(/\r?\n/).filter(Boolean)).toHaveLength(6);

    // The run is listed among earlier imports.
    const earlier = page
      .getByTestId('import-history-row')
      .filter({ hasText: 'contacts-with-errors.csv' });
    await expect.poll(() => earlier.count()).toBeGreaterThan(0);
  }, 120_000);

  it('lets a viewer follow imports but shows no way to import, in Russian', async () => {
    const { page } = browser;
    const agent = await tenantACaller(suite, 'AGENT');
    const body = importFixture('contacts-with-errors.csv');
    const { id } = await uploadImport(suite.api.url, agent, 'CONTACTS', 'dry.csv', body);
    await runImport(suite.api.graphqlUrl, agent, id ?? '', {
      mapping: [{ column: 'Email', field: 'emails' }],
      dryRun: true,
    });
    await browseAs(page, suite, 'VIEWER');
    await page.getByTestId('locale-switcher').selectOption('ru');
    await page.getByTestId('nav-import').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Импорт');
    await page.getByTestId('import-read-only').waitFor();
    expect(await page.getByTestId('import-upload').count()).toBe(0);
    await page
      .getByTestId('import-history-row')
      .filter({ hasText: 'dry.csv' })
      .getByRole('link')
      .click();
    await page.getByTestId('import-progress').waitFor();
    expect(await page.getByTestId('import-mapping').count()).toBe(0);
    expect(await page.getByTestId('import-run').count()).toBe(0);
    expect(await page.getByTestId('import-another').count()).toBe(0);
    await page.getByTestId('locale-switcher').selectOption('es');
  }, 60_000);
});
