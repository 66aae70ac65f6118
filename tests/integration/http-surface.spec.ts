import { describe, expect, it } from 'vitest';
import { useSuite } from '../support/suite.js';

describe('plain HTTP surface', () => {
  const suite = useSuite();

  it('answers /healthz and /readyz (the database is reachable)', async () => {
    const health = await fetch(`${suite.api.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${suite.api.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ready', redis: 'reachable', liveSubscribers: 0 },
    ]);
  });

  it("serves the admin's assets compressed and cached for good, its page checked every visit", async () => {
    const page = await fetch(`${suite.api.url}/listening`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${suite.api.url}${script}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('blocks a simple cross-site GET or form POST (CSRF prevention)', async () => {
    const get = await fetch(
      `${suite.api.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`,
    );
    expect(get.status).toBe(400);
    const form = await fetch(suite.api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).not.toBe(200);
    const json = await fetch(suite.api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses batched requests', async () => {
    const batch = await fetch(suite.api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
  });
});
