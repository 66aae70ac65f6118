import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('admin in Chromium', () => {
  const suite = useSuite();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  const brandNames = async () => page.getByTestId('brand-row').allInnerTexts();
  const switchTenant = async (tenantId: string) => {
    await page.getByTestId('tenant-switcher').selectOption(tenantId);
    await page.getByTestId('brand-row').first().waitFor();
  };

  it('signs in, creates a brand seen only in its tenant, and switches language', async () => {
    const { world, api } = suite;
    await page.goto(`${api.url}/`);
    await page.getByTestId('signin-email').fill(world.users.northMember.email);
    await page.getByTestId('signin-password').fill(PASSWORD);
    await shot('01-sign-in');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('tenant-switcher').waitFor();

    await page.getByTestId('nav-brands').click();
    await switchTenant(world.tenants.a);
    await expect.poll(brandNames).toEqual([expect.stringContaining('Brand A')]);

    await page.getByTestId('brand-new').click();
    await page.getByTestId('brand-form-name').fill('Chromium Coffee');
    await page.getByTestId('brand-form-keywords').fill('chromium coffee, cafe chromium');
    await page.getByTestId('brand-form-hashtags').fill('#bad tag');
    await page.getByTestId('brand-form-submit').click();
    await expect.poll(() => page.getByTestId('field-error').count()).toBeGreaterThan(0);
    await shot('02-brand-form-error');
    // Terms are tags: the refused one is removed by its own button, then the right one typed.
    await page
      .locator('.ui-field')
      .filter({ has: page.getByTestId('brand-form-hashtags') })
      .getByTestId('tag-remove')
      .click();
    await page.getByTestId('brand-form-hashtags').fill('#chromiumcoffee');
    await page.getByTestId('brand-form-submit').click();
    await expect
      .poll(brandNames)
      .toEqual(expect.arrayContaining([expect.stringContaining('Chromium Coffee')]));
    await shot('03-brands-tenant-a');

    await switchTenant(world.tenants.a2);
    await expect.poll(brandNames).toEqual([expect.stringContaining('Brand A2')]);
    await shot('04-brands-tenant-a2');
    await switchTenant(world.tenants.a);
    await expect
      .poll(brandNames)
      .toEqual(expect.arrayContaining([expect.stringContaining('Chromium Coffee')]));

    const spanishTitle = await page.getByTestId('page-title').textContent();
    await page.getByTestId('locale-switcher').selectOption('en');
    await expect.poll(() => page.getByTestId('page-title').textContent()).not.toBe(spanishTitle);
    await page.getByTestId('locale-switcher').selectOption('ru');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toMatch(/[А-Яа-я]/);
    await shot('05-brands-russian');

    await page.setViewportSize({ width: 390, height: 844 });
    await shot('06-mobile');
  });
});
