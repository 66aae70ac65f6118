import { beforeAll, describe, expect, it } from 'vitest';
import { gql, signIn } from '../support/graphql-client.js';
import { post } from '../support/mentions.js';
import { postNdjson } from '../support/ndjson.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const CREATE_KEY =
  'mutation($role: TenantRole!) { createApiKey(input: { name: "bulk", role: $role }) { secret } }';

describe('bulk NDJSON ingest', () => {
  const suite = useSuite();
  let agentKey: string;
  let viewerKey: string;
  let ownerB: { token: string; tenantId: string };

  beforeAll(async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const caller = { token: owner.accessToken, tenantId: world.tenants.a };
    const key = async (role: string) =>
      (
        await gql<{ createApiKey: { secret: string } }>(
          api.graphqlUrl,
          CREATE_KEY,
          { role },
          caller,
        )
      ).data?.createApiKey.secret ?? '';
    agentKey = await key('AGENT');
    viewerKey = await key('VIEWER');
    ownerB = {
      token: (await signIn(api.graphqlUrl, world.users.bOwner.email, PASSWORD)).accessToken,
      tenantId: world.tenants.b,
    };
  });

  it('answers every line in input order, rejecting bad lines on their own, then a summary', async () => {
    const good = post();
    const unmatched = post({ text: 'no tracked brand in this one' });
    const withNul = post();
    const { status, rows } = await postNdjson(suite.api.url, agentKey, [
      JSON.stringify(good),
      '{not json',
      JSON.stringify({ ...post(), text: '' }),
      '',
      JSON.stringify(unmatched),
      // A NUL character (PostgreSQL refuses it in text) and a lone surrogate: cleaned, stored.
      JSON.stringify({ ...withNul, text: `${withNul.text} \u0000 \ud800` }),
      `{"padding":"${'x'.repeat(70_000)}"}`,
    ]);
    expect(status).toBe(200);
    expect(rows.slice(0, -1).map((row) => [row.line, row.outcome])).toEqual([
      [1, 'STORED'],
      [2, 'REJECTED'],
      [3, 'REJECTED'],
      [5, 'STORED'],
      [6, 'STORED'],
      [7, 'REJECTED'],
    ]);
    expect(rows[5]?.problems).toEqual([{ field: 'line', message: 'is longer than 65536 bytes' }]);
    expect(rows.at(-1)).toEqual({
      summary: { stored: 3, updated: 0, unchanged: 0, rejected: 3, unmatched: 1 },
    });
  });

  it('stores a re-sent file exactly once, streaming batches larger than one transaction', async () => {
    const posts = Array.from({ length: 1_200 }, () => JSON.stringify(post()));
    const first = await postNdjson(suite.api.url, agentKey, posts);
    expect(first.rows.at(-1)).toEqual({
      summary: { stored: 1_200, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 },
    });
    const again = await postNdjson(suite.api.url, agentKey, posts);
    expect(again.rows.at(-1)).toEqual({
      summary: { stored: 0, updated: 0, unchanged: 1_200, rejected: 0, unmatched: 0 },
    });
    expect(new Set(first.rows.slice(0, -1).map((row) => row.line)).size).toBe(1_200);
  });

  it('refuses a caller without a key, a viewer key, and never lands in another tenant', async () => {
    expect((await postNdjson(suite.api.url, null, [JSON.stringify(post())])).status).toBe(401);
    expect((await postNdjson(suite.api.url, viewerKey, [JSON.stringify(post())])).status).toBe(403);
    const marker = post({ text: 'Brand B bulk marker from tenant A key' });
    await postNdjson(suite.api.url, agentKey, [JSON.stringify(marker)]);
    const inB = await gql<{ mentions: { totalCount: number } }>(
      suite.api.graphqlUrl,
      '{ mentions(filter: { search: "bulk marker" }) { totalCount } }',
      {},
      ownerB,
    );
    expect(inB.data?.mentions.totalCount).toBe(0);
  });
});
