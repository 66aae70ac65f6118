import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, signInAs, useBrowserPage } from '../support/browser.js';
import { writeMarketingHistory } from '../support/marketing-data.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const mention = (at: string) => ({
  at,
  sentiment: 'POSITIVE' as const,
  reach: 10,
  brands: ['own'],
});

describe('marketing reports in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage({ width: 1280, height: 900 });

  beforeAll(async () => {
    const { world, databaseUrl } = suite;
    // Tenant A: 3 mentions and 2 orders in the last 7 days, 6 mentions in the last 30.
    await writeMarketingHistory(databaseUrl, world.tenants.a, world.brands.a, {
      mentions: [
        mention(ago(2 * HOUR)),
        mention(ago(30 * HOUR)),
        mention(ago(50 * HOUR)),
        mention(ago(10 * DAY)),
        mention(ago(15 * DAY)),
        mention(ago(25 * DAY)),
      ],
      contacts: { ana: { createdAt: ago(40 * DAY), stage: 'customer' } },
      orders: [
        { at: ago(3 * HOUR), amount: 100, contact: 'ana' },
        { at: ago(20 * HOUR), amount: 50, contact: 'ana' },
      ],
    });
    // Tenant A2 (also North's): 2 mentions this week.
    await writeMarketingHistory(databaseUrl, world.tenants.a2, world.brands.a2, {
      mentions: [mention(ago(4 * HOUR)), mention(ago(28 * HOUR))],
    });
    // Tenant B (South's): never in North's report.
    await writeMarketingHistory(databaseUrl, world.tenants.b, world.brands.b, {
      mentions: Array.from({ length: 50 }, () => mention(ago(5 * HOUR))),
    });
  });

  const figureText = (testid: string) =>
    browser.page.getByTestId(`report-${testid}`).first().getByTestId('report-value').textContent();

  it('shows a viewer the report of a period and the change against the previous one (Spanish)', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aVIEWER.email, PASSWORD);
    await page.getByTestId('nav-reports').click();
    await expect
      .poll(() => page.getByTestId('page-title').textContent())
      .toBe('Informe de marketing');
    // The last 30 days by default.
    await expect.poll(() => figureText('mentions')).toBe('6');
    expect(await figureText('orders')).toBe('2');
    await page.getByTestId('report-chart-mentions').waitFor();
    await page.getByTestId('report-chart-revenue').waitFor();
    // Not agency staff: no agency report.
    expect(await page.getByTestId('reports-agency-link').count()).toBe(0);

    await page.getByTestId('report-presets').getByText('Últimos 7 días').click();
    await expect.poll(() => page.url()).toContain('range=7d');
    await expect.poll(() => figureText('mentions')).toBe('3');
    // The 7 days before held one mention: three times as many, +200 %.
    await expect
      .poll(() => page.getByTestId('report-mentions').getByTestId('report-change').textContent())
      .toMatch(/\+200\s?%/);
    expect(
      await page.getByTestId('report-change').first().locator('i.pi-arrow-up-right').count(),
    ).toBe(1);
    expect(await page.getByTestId('report-compared').textContent()).toContain('frente a');
    expect(await figureText('revenue')).toMatch(/150/);
    await page.screenshot({ path: `${ARTIFACTS_DIR}reports.png`, fullPage: true });

    // A custom range in the URL: a day with nothing in it, against an empty day.
    await page.goto(`${api.url}/reports?from=2020-01-01&to=2020-01-01`);
    await expect.poll(() => figureText('mentions')).toBe('0');
    await page.getByTestId('reports-empty').waitFor();
  }, 90_000);

  it('shows an agency admin every brand side by side and the total, never another agency’s (English)', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await page.getByTestId('signout').click();
    await signInAs(page, api.url, world.users.northAdmin.email, PASSWORD);
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.getByTestId('nav-agency').click();
    await page.getByTestId('page-title').filter({ hasText: 'North' }).waitFor();
    await page.getByTestId('agency-reports-link').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Report of North');
    const cell = (row: string, column: string) =>
      page
        .getByTestId(`agency-report-row-${row}`)
        .getByTestId(`agency-report-cell-${column}`)
        .locator('span')
        .first()
        .textContent();
    await expect.poll(() => cell('mentions', world.tenants.a)).toBe('6');
    expect(await cell('mentions', world.tenants.a2)).toBe('2');
    expect(await cell('mentions', 'total')).toBe('8');
    expect(await cell('orders', 'total')).toBe('2');
    expect(await page.getByTestId(`agency-report-column-${world.tenants.b}`).count()).toBe(0);
    expect(await figureText('mentions')).toBe('8');
    await page.screenshot({ path: `${ARTIFACTS_DIR}reports-agency.png`, fullPage: true });

    await page.getByTestId('report-presets').getByText('Last 7 days').click();
    await expect.poll(() => cell('mentions', 'total')).toBe('5');
    await page.getByTestId('locale-switcher').selectOption('es');
  }, 90_000);
});
