import { describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('listening dashboard in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage({ width: 1280, height: 900 });

  it('shows a viewer the figures of the mentions that arrived', async () => {
    const { page } = browser;
    const { api, world } = suite;
    const agent = await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD);
    await ingest(api.graphqlUrl, { token: agent.accessToken, tenantId: world.tenants.a }, [
      post({ text: 'Brand A is wonderful, I love it' }),
      post({ text: 'Brand A is terrible, I hate it' }),
      post({ text: 'Brand A opens on Sunday?' }),
    ]);
    await signInAs(page, api.url, world.users.aVIEWER.email, PASSWORD);
    await page.getByTestId('nav-listening').click();
    await expect.poll(() => page.getByTestId('kpi-total').textContent()).toContain('3');
    await page.getByTestId('chart-volume').waitFor();
    await page.getByTestId('chart-sentiment').waitFor();
    expect(await page.getByTestId('voice-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('top-author-row').count()).toBe(3);
  });
});
