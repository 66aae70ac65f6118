import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserPage } from '../support/browser.js';
import { browseAs, createContact, tenantACaller } from '../support/customer-e2e.js';
import { useSuite } from '../support/suite.js';

describe('segments in Chromium', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  const browser = useBrowserPage();

  beforeAll(async () => {
    const agent = await tenantACaller(suite, 'AGENT');
    for (const [displayName, city] of [
      ['Lucía Valencia', 'Valencia'],
      ['Pau Valencia', 'VALENCIA'],
      ['Iker Sevilla', 'Sevilla'],
    ])
      await createContact(suite, agent, { displayName, city });
  });

  it('builds a segment in the rule builder, sees its live count, saves it and sees its members', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'OWNER');
    await page.getByTestId('nav-segments').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Segmentos');
    await page.getByTestId('segment-new').click();
    await page.getByTestId('segment-name').fill('Valencianos');
    // No conditions yet: everyone matches.
    await expect.poll(() => page.getByTestId('segment-preview-count').textContent()).toMatch(/\d/);
    await page.getByTestId('rule-add-condition').click();
    const condition = page.getByTestId('rule-condition-root-0');
    await condition.getByTestId('rule-field').selectOption('city');
    await condition.getByTestId('rule-op').selectOption('equals');
    await condition.getByTestId('rule-value').fill('valencia');
    await expect
      .poll(() => page.getByTestId('segment-preview-count').textContent())
      .toBe('Contactos que cumplen la regla: 2');
    expect(await page.getByTestId('segment-preview-sample').textContent()).toContain('Valencia');

    // A nested "any" group that matches no one narrows the count to zero, and removing it restores it.
    await page.getByTestId('rule-add-group').click();
    await expect
      .poll(() => page.getByTestId('segment-preview-count').textContent())
      .toBe('Contactos que cumplen la regla: 0');
    await page.getByTestId('rule-group-root-1').getByTestId('rule-group-remove').click();
    await expect
      .poll(() => page.getByTestId('segment-preview-count').textContent())
      .toBe('Contactos que cumplen la regla: 2');

    await page.getByTestId('segment-save').click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('segment-member-count').textContent(), { timeout: 20_000 })
      .toBe('2');
    await expect.poll(() => page.getByTestId('segment-member-row').count()).toBe(2);
    const names = await page.getByTestId('segment-member-link').allTextContents();
    expect(names.sort()).toEqual(['Lucía Valencia', 'Pau Valencia']);
    await page.getByTestId('segment-size-chart').waitFor();

    // The list, in Russian, counts its members.
    await page.getByTestId('locale-switcher').selectOption('ru');
    await page.getByTestId('nav-segments').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Сегменты');
    const row = page.getByTestId('segment-row').filter({ hasText: 'Valencianos' });
    await expect.poll(() => row.getByTestId('segment-count').textContent()).toBe('2');
    expect(await row.textContent()).toContain('Динамический сегмент');
    await page.getByTestId('locale-switcher').selectOption('es');
  }, 90_000);

  it('keeps a static list by hand: adds a contact found by name and removes it again', async () => {
    const { page } = browser;
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('segment-new').click();
    await page.getByTestId('segment-name').fill('Invitados');
    await page.getByTestId('segment-kind').selectOption('STATIC');
    expect(await page.getByTestId('rule-add-condition').count()).toBe(0);
    await page.getByTestId('segment-save').click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    await page.getByTestId('segment-members-empty').waitFor();
    await page.getByTestId('segment-contact-search').fill('Iker');
    await page
      .getByTestId('segment-candidate')
      .filter({ hasText: 'Iker Sevilla' })
      .getByTestId('segment-candidate-add')
      .click();
    await expect.poll(() => page.getByTestId('segment-member-count').textContent()).toBe('1');
    await page.getByTestId('segment-member-link').filter({ hasText: 'Iker Sevilla' }).waitFor();
    await page.getByTestId('segment-member-remove').click();
    await expect.poll(() => page.getByTestId('segment-member-count').textContent()).toBe('0');
  }, 60_000);

  it('shows a viewer segments read-only', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'VIEWER');
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('segments-read-only').waitFor();
    expect(await page.getByTestId('segment-new').count()).toBe(0);
    await page.getByTestId('segment-link').filter({ hasText: 'Valencianos' }).click();
    await expect.poll(() => page.getByTestId('segment-member-count').textContent()).toBe('2');
    for (const action of [
      'segment-edit',
      'segment-refresh',
      'segment-delete',
      'segment-contact-search',
    ])
      expect(await page.getByTestId(action).count(), action).toBe(0);
  }, 60_000);
});
