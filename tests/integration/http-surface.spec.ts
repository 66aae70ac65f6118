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
