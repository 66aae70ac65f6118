import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, signInAs, useBrowserPage } from '../support/browser.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('listening settings page in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();
  const toggle = () => browser.page.getByTestId('settings-auto-create-leads').locator('input');

  it('an owner turns automatic leads on and it stays saved', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aOWNER.email, PASSWORD);
    await page.getByTestId('nav-listening-settings').click();
    await toggle().waitFor();
    const before = await toggle().isChecked();
    await toggle().click();
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    await page.reload();
    await toggle().waitFor();
    await expect.poll(() => toggle().isChecked()).toBe(!before);
  });

  it('a viewer reads the settings but cannot change them', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await page.getByTestId('signout').click();
    await signInAs(page, api.url, world.users.aVIEWER.email, PASSWORD);
    await page.getByTestId('nav-listening-settings').click();
    await page.getByTestId('settings-read-only').waitFor();
    await toggle().waitFor({ state: 'attached' });
    expect(await toggle().isDisabled()).toBe(true);
    expect(await page.getByTestId('settings-save').count()).toBe(0);
    await page.screenshot({
      path: `${ARTIFACTS_DIR}listening-settings-viewer.png`,
      fullPage: true,
    });
  });
});
