import { describe, expect, it } from 'vitest';
import { useBrowserPage } from '../support/browser.js';
import { browseAs } from '../support/customer-e2e.js';
import { useSuite } from '../support/suite.js';

describe('CRM maturity audit in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  it('lets an owner fill the questionnaire twice and read the matrix, the weakest processes and the history, in Spanish', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'OWNER');
    await page.getByTestId('nav-maturity').click();
    await expect
      .poll(() => page.getByTestId('page-title').textContent())
      .toBe('Auditoría de madurez del CRM');
    await page.getByTestId('maturity-empty').waitFor();

    await page.getByTestId('maturity-assess').click();
    const rate = async (processId: string, existence: string, effectiveness: string) => {
      const row = page.getByTestId(`rating-${processId}`);
      await row.getByTestId('rating-existence').selectOption(existence);
      await row.getByTestId('rating-effectiveness').selectOption(effectiveness);
    };
    // A process in place needs its effectiveness: the api refuses it, and the row says so.
    await page.getByTestId('rating-lead-capture').getByTestId('rating-existence').selectOption('2');
    await page.getByTestId('maturity-save').click();
    await page.getByText('Algunas respuestas necesitan revisión').waitFor();
    expect(
      await page.getByTestId('rating-lead-capture').getByRole('alert').count(),
    ).toBeGreaterThan(0);

    await rate('lead-capture', '3', '5');
    await rate('social-listening', '3', '4');
    await rate('case-management', '2', '3');
    await page.getByTestId('maturity-note').fill('Primera auditoría');
    await page.getByTestId('maturity-save').click();

    const overall = page.getByTestId('maturity-overall');
    await expect.poll(() => overall.textContent()).toMatch(/Global \d+ de 100: Inicial/);
    expect(await page.getByTestId('matrix-process').count()).toBe(17);
    expect(await page.getByTestId('matrix-acquire').textContent()).toContain('Captación de leads');
    expect(await page.getByTestId('maturity-weakest').locator('li').count()).toBe(3);
    await page.getByTestId('maturity-stage-chart').waitFor();

    // A second assessment, prefilled from the first: only one answer changes.
    await page.getByTestId('maturity-assess').click();
    expect(
      await page.getByTestId('rating-lead-capture').getByTestId('rating-existence').inputValue(),
    ).toBe('3');
    await rate('loyalty-programme', '3', '5');
    await page.getByTestId('maturity-save').click();
    const rows = page.getByTestId('assessment-row');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByTestId('maturity-history-chart').waitFor();
    // Reading the first again from the history.
    await rows.nth(1).getByTestId('assessment-show').click();
    await expect
      .poll(() => page.getByTestId('maturity-result').textContent())
      .toMatch(/Evaluación anterior[\s\S]*Primera auditoría/);
  }, 120_000);

  it('shows a viewer the results and no questionnaire, in English', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'VIEWER');
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.getByTestId('nav-maturity').click();
    await expect
      .poll(() => page.getByTestId('page-title').textContent())
      .toBe('CRM maturity audit');
    await page.getByTestId('maturity-result').waitFor();
    expect(await page.getByTestId('maturity-overall').textContent()).toMatch(/Overall \d+ of 100/);
    expect(await page.getByTestId('assessment-row').count()).toBe(2);
    expect(await page.getByTestId('maturity-assess').count()).toBe(0);
  }, 60_000);
});
