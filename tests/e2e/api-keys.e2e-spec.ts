import { describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { postNdjson } from '../support/ndjson.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('API keys page in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  it('creates a key shown once that ingests, then revokes it through the dialog', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aOWNER.email, PASSWORD);
    await page.getByTestId('nav-api-keys').click();
    await page.getByTestId('api-key-name').fill('Integración CRM');
    await page.getByTestId('api-key-role').selectOption('AGENT');
    await page.getByTestId('api-key-submit').click();
    const secret = await page.getByTestId('api-key-secret').inputValue();
    expect(secret).toMatch(/^sck_/);
    const line = JSON.stringify({
      channel: 'X',
      externalId: 'from-the-key',
      text: 'Brand A through a fresh key',
      publishedAt: new Date().toISOString(),
      author: { handle: '@key' },
    });
    expect((await postNdjson(api.url, secret, [line])).rows[0]).toMatchObject({
      outcome: 'STORED',
    });

    const row = page.getByTestId('api-key-row').filter({ hasText: 'Integración CRM' });
    await row.getByTestId('api-key-revoke').click();
    await page.locator('dialog[open]').getByTestId('confirm-yes').click();
    await expect.poll(() => row.getAttribute('class')).toContain('is-revoked');
    expect((await postNdjson(api.url, secret, [line])).status).toBe(401);
  });
});
