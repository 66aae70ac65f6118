import { describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('brands page in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  const rowNamed = (name: string) =>
    browser.page.getByTestId('brand-row').filter({ hasText: name });

  it('creates, edits and deletes a brand through the confirmation dialog, whose question shows whole', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aOWNER.email, PASSWORD);
    await page.getByTestId('nav-brands').click();
    await page.getByTestId('brand-new').click();
    await page.getByTestId('brand-form-name').fill('Tostadora Norte');
    await page.getByTestId('brand-form-keywords').fill('tostadora norte');
    await page.getByTestId('brand-form-submit').click();
    await rowNamed('Tostadora Norte').waitFor();

    await rowNamed('Tostadora Norte').getByTestId('brand-edit').click();
    await page.getByTestId('brand-form-name').fill('Tostadora del Norte');
    await page.getByTestId('brand-form-submit').click();
    await rowNamed('Tostadora del Norte').waitFor();

    await rowNamed('Tostadora del Norte').getByTestId('brand-delete').click();
    const question = page.locator('dialog[open] .ui-dialog__text');
    await question.waitFor();
    // The whole question is inside the dialog: wrapped, not cut off at the cell's edge.
    const unclipped = await question.evaluate((text) => text.scrollWidth <= text.clientWidth);
    const [textBox, dialogBox] = await Promise.all([
      question.boundingBox(),
      page.locator('dialog[open]').boundingBox(),
    ]);
    const fits =
      unclipped &&
      !!textBox &&
      !!dialogBox &&
      textBox.x + textBox.width <= dialogBox.x + dialogBox.width;
    expect(fits).toBe(true);
    expect(await question.textContent()).toContain('Tostadora del Norte');
    await page.locator('dialog[open]').getByTestId('confirm-yes').click();
    await expect.poll(() => rowNamed('Tostadora del Norte').count()).toBe(0);
  });
});
