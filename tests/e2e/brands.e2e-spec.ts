import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, signInAs, useBrowserPage } from '../support/browser.js';
import { signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('brands page in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  const rowNamed = (name: string) =>
    browser.page.getByTestId('brand-row').filter({ hasText: name });
  let stored = 0;

  beforeAll(async () => {
    const { api, world } = suite;
    const agent = await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD);
    const rows = await ingest(
      api.graphqlUrl,
      { token: agent.accessToken, tenantId: world.tenants.a },
      [
        post({ text: 'Brand A roasts well' }),
        post({ text: 'Brand A again, lovely' }),
        post({ text: 'Brand A on a Monday' }),
        // No brand matches these yet: the preview of a new brand's terms finds them.
        post({ text: 'Tostado Sur opened a new shop' }),
        post({ text: 'Coffee at Tostado Sur today #tostadosur' }),
      ],
    );
    stored = rows.filter((row) => row.mentionId).length;
  });

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

  it('adds terms as tags with a live preview, then searches (in the URL) and sorts through the api', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await page.goto(`${api.url}/brands`);
    await page.getByTestId('brand-new').click();
    await page.getByTestId('brand-preview').waitFor();
    await page.getByTestId('brand-form-name').fill('Tostado Sur');
    const keywords = page.getByTestId('brand-form-keywords');
    await keywords.fill('tostado sur');
    await keywords.press('Enter');
    const keywordChips = page
      .locator('.ui-field')
      .filter({ has: keywords })
      .getByTestId('tag-chip');
    await expect.poll(() => keywordChips.allTextContents()).toEqual(['tostado sur']);
    // The preview matches as ingest would, among what the workspace received.
    const count = page.getByTestId('brand-preview-count');
    await expect.poll(() => count.getAttribute('data-match-count')).toBe('2');
    expect(await count.getAttribute('data-scanned')).toBe(String(stored));
    expect(await page.getByTestId('brand-preview-mention').count()).toBe(2);
    // A comma adds a tag; Backspace in the empty box takes the last one back.
    const hashtags = page.getByTestId('brand-form-hashtags');
    await hashtags.pressSequentially('tostadosur,nope,');
    const hashtagChips = page
      .locator('.ui-field')
      .filter({ has: hashtags })
      .getByTestId('tag-chip');
    await expect.poll(() => hashtagChips.allTextContents()).toEqual(['tostadosur', 'nope']);
    await hashtags.press('Backspace');
    await expect.poll(() => hashtagChips.allTextContents()).toEqual(['tostadosur']);
    await expect
      .poll(() => hashtagChips.getByTestId('tag-remove').getAttribute('aria-label'))
      .toBe('Quitar «tostadosur»');
    await page.screenshot({ path: `${ARTIFACTS_DIR}brand-form-light.png`, fullPage: true });
    await page.getByTestId('color-scheme-toggle').click();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${ARTIFACTS_DIR}brand-form-dark.png`, fullPage: true });
    await page.getByTestId('color-scheme-toggle').click();
    await page.getByTestId('brand-form-submit').click();
    await rowNamed('Tostado Sur').waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}brand-list.png`, fullPage: true });

    // Each brand's mentions, with a link to them in the feed.
    const brandA = rowNamed('Brand A');
    await expect
      .poll(() => brandA.getByTestId('brand-mentions').getAttribute('data-count'))
      .toBe('3');
    expect(await brandA.getByTestId('brand-mentions').getAttribute('href')).toBe(
      `/listening/feed?brand=${world.brands.a}`,
    );
    expect(
      await rowNamed('Tostado Sur').getByTestId('brand-mentions').getAttribute('data-count'),
    ).toBe('0');

    // Sorted by the api: most mentioned first, then fewest first.
    await page.getByTestId('sort-mentionCount').click();
    await expect
      .poll(() => page.getByTestId('brand-name').allTextContents())
      .toEqual(['Brand A', 'Tostado Sur']);
    await page.getByTestId('sort-mentionCount').click();
    await expect
      .poll(() => page.getByTestId('brand-name').allTextContents())
      .toEqual(['Tostado Sur', 'Brand A']);

    // The search waits for typing to stop, then goes in the URL.
    await page.getByTestId('brand-search').fill('tostado');
    await page.waitForURL(/[?&]q=tostado/);
    await expect
      .poll(() => page.getByTestId('brand-name').allTextContents())
      .toEqual(['Tostado Sur']);
    await page.goto(`${api.url}/brands?q=BRAND`);
    await expect.poll(() => page.getByTestId('brand-name').allTextContents()).toEqual(['Brand A']);
    expect(await page.getByTestId('brand-search').inputValue()).toBe('BRAND');
    await page.getByTestId('brand-search').fill('zzz');
    await page.getByTestId('brands-empty').waitFor();
  }, 90_000);
});
