import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Debian's Chromium (scripts/ensure-test-tools.sh installs it), flags for a closed network. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the admin's own form and waits for the signed-in layout. */
export async function signInAs(page: Page, apiUrl: string, email: string, password: string) {
  await page.goto(`${apiUrl}/`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('tenant-switcher').waitFor();
}

/**
 * A Chromium page for one test file: launched before its tests, closed after. Read `page`
 * inside tests (it is set in beforeAll).
 */
export function useBrowserPage(viewport = { width: 1280, height: 800 }): { readonly page: Page } {
  const handle = {} as { page: Page; browser: Browser };
  beforeAll(async () => {
    handle.browser = await launchChromium();
    handle.page = await handle.browser.newPage({ viewport });
  });
  afterAll(async () => {
    await handle.browser?.close();
  });
  return handle;
}
