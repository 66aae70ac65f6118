import { describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('connectors page in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  it('tells a viewer, who cannot add sources, who can, and offers no button', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aVIEWER.email, PASSWORD);
    await page.getByTestId('nav-connectors').click();
    await expect
      .poll(() => page.getByTestId('connectors-empty').textContent())
      .toContain('Un gestor de este espacio de trabajo puede añadir');
    expect(await page.getByTestId('connector-new').count()).toBe(0);
    await page.getByTestId('signout').click();
    await page.getByTestId('signin-email').waitFor();
  });

  it('creates an RSS connector with a custom interval and explains its failure in Spanish', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aOWNER.email, PASSWORD);
    await page.getByTestId('nav-connectors').click();
    await page.getByTestId('connector-new').click();
    await page.getByTestId('connector-form-name').fill('Blog del barrio');
    await page.getByTestId('connector-form-feed-url').fill('https://blog.invalid/feed.xml');
    await page.getByTestId('connector-form-interval').fill('120');
    await page.getByTestId('connector-form-submit').click();
    const row = page.getByTestId('connector-row').filter({ hasText: 'Blog del barrio' });
    await row.waitFor();

    await row.getByTestId('connector-poll').click();
    const problem = row.getByTestId('connector-last-error');
    await problem.waitFor();
    // What is wrong and what to do, in the user's language; never the resolver's text.
    expect(await problem.textContent()).toBe(
      'El nombre de host de la dirección no existe. Revisa que esté bien escrita.',
    );

    await row.getByTestId('connector-delete').click();
    await page.locator('dialog[open]').getByTestId('confirm-yes').click();
    await expect.poll(() => row.count()).toBe(0);
  });
});
