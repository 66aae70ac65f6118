import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { withClient } from '../support/databases.js';
import { FeedSubscriber } from '../support/feed-client.js';
import { gql, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { postNdjson } from '../support/ndjson.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const LINES = 3_000;

/** Sends the file and resolves once `answered` result lines came back (the api is then killed). */
function sendUntilAnswered(
  apiUrl: string,
  key: string,
  body: string,
  answered: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/ingest/mentions', apiUrl);
    const req = request(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      },
      (res) => {
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          lines += chunk.toString().split('\n').length - 1;
          if (lines >= answered) resolve(lines);
        });
        res.on('error', () => resolve(lines));
        res.on('close', () => resolve(lines));
      },
    );
    req.on('error', (error) =>
      String(error).includes('ECONNRESET') || String(error).includes('socket hang up')
        ? resolve(0)
        : reject(error),
    );
    req.end(body);
  });
}

describe('a crash during a bulk ingest loses nothing and duplicates nothing', () => {
  const suite = useSuite();
  let restarted: ApiProcess | undefined;
  afterAll(async () => {
    await restarted?.stop();
  });

  let key: string;
  let viewerToken: string;
  beforeAll(async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const created = await gql<{ createApiKey: { secret: string } }>(
      api.graphqlUrl,
      'mutation { createApiKey(input: { name: "crash", role: AGENT }) { secret } }',
      {},
      { token: owner.accessToken, tenantId: world.tenants.a },
    );
    key = created.data?.createApiKey.secret ?? '';
    viewerToken = (await signIn(api.graphqlUrl, world.users.aVIEWER.email, PASSWORD)).accessToken;
  });

  it('stores every mention exactly once after kill -9 and a re-send; a resuming subscriber gets each once', async () => {
    const { world, databaseUrl } = suite;
    const file = Array.from({ length: LINES }, () => JSON.stringify(post())).join('\n');
    const subscriber = new FeedSubscriber(suite.api.graphqlUrl, viewerToken, world.tenants.a, {
      after: '0',
    });

    const answered = await sendUntilAnswered(suite.api.url, key, file, 600);
    suite.api.process.kill('SIGKILL');
    await new Promise((resolve) => suite.api.process.once('exit', resolve));
    expect(answered).toBeGreaterThanOrEqual(500);
    await subscriber.close();
    const seenBeforeCrash = subscriber.events.length;
    const lastCursor = subscriber.events.at(-1)?.cursor ?? '0';

    restarted = await startApi(databaseUrl);
    const resent = await postNdjson(restarted.url, key, file.split('\n'));
    const summary = resent.rows.at(-1)?.summary as {
      stored: number;
      unchanged: number;
      rejected: number;
    };
    expect(summary.stored + summary.unchanged).toBe(LINES);
    expect(summary.unchanged).toBeGreaterThanOrEqual(500);
    const counts = await withClient(databaseUrl, async (db) => {
      const { rows } = await db.query(
        'SELECT count(*)::int AS mentions, count(DISTINCT external_id)::int AS distinct_ids FROM mention WHERE tenant_id = $1',
        [world.tenants.a],
      );
      return rows[0];
    });
    expect(counts).toEqual({ mentions: LINES, distinct_ids: LINES });

    const resumed = new FeedSubscriber(
      restarted.graphqlUrl,
      (await signIn(restarted.graphqlUrl, world.users.aVIEWER.email, PASSWORD)).accessToken,
      world.tenants.a,
      { after: lastCursor },
    );
    // A marker ingested last: everything the resumed feed will ever owe arrives before it.
    const marker = post();
    const agent = await signIn(restarted.graphqlUrl, world.users.aAGENT.email, PASSWORD);
    await ingest(restarted.graphqlUrl, { token: agent.accessToken, tenantId: world.tenants.a }, [
      marker,
    ]);
    const owed = await resumed.eventsBefore(marker.externalId, 30_000);
    expect(owed).toHaveLength(LINES - seenBeforeCrash);
    const ids = [...subscriber.events, ...owed].map((event) => event.mention.externalId);
    expect(ids).toHaveLength(LINES);
    expect(new Set(ids).size).toBe(LINES);
    await resumed.close();
  }, 120_000);
});
