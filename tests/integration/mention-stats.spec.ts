import { createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const STATS = `query($period: StatsPeriodInput!) {
  mentionStats(period: $period) {
    volume { bucketStart mentions positive negative spike ownShareByMentions }
    shareOfVoice { brandId name own mentions shareByMentions }
    ownShareByMentions netSentiment
    topAuthors { identity { handle } mentions influence }
    alerts { bucketStart mentions }
  }
}`;

const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1); // 1 October 2026

describe('listening statistics', () => {
  const suite = useSuite();
  let agent: Caller;
  let rivalId: string;

  beforeAll(async () => {
    const { api, world } = suite;
    const session = await signIn(api.graphqlUrl, world.users.aMANAGER.email, PASSWORD);
    agent = { token: session.accessToken, tenantId: world.tenants.a };
    const rival = await gql<{ createBrand: { id: string } }>(
      api.graphqlUrl,
      'mutation { createBrand(input: { name: "Rival", kind: COMPETITOR, keywords: ["rival"] }) { id } }',
      {},
      agent,
    );
    rivalId = rival.data?.createBrand.id ?? '';
    // Fourteen quiet days (3 mentions each, one of them about the rival), then a burst of 30.
    const posts = [];
    for (let day = 0; day < 14; day++) {
      const publishedAt = new Date(START + day * DAY + 3_600_000).toISOString();
      posts.push(post({ publishedAt, text: 'I love Brand A, great' }));
      posts.push(post({ publishedAt, text: 'Brand A is terrible, I hate it' }));
      posts.push(
        post({
          publishedAt,
          text: 'Rival launched something',
          author: { handle: 'bignews', followers: 90_000 },
        }),
      );
    }
    for (let i = 0; i < 30; i++)
      posts.push(post({ publishedAt: new Date(START + 14 * DAY + i * 60_000).toISOString() }));
    await ingest(api.graphqlUrl, agent, posts);
  });

  it('buckets volume by day with sentiment, flags the burst and computes share of voice', async () => {
    const period = {
      from: new Date(START).toISOString(),
      to: new Date(START + 15 * DAY).toISOString(),
      bucket: 'DAY',
    };
    const response = await gql<{ mentionStats: Record<string, never> }>(
      suite.api.graphqlUrl,
      STATS,
      { period },
      agent,
    );
    expect(response.errors).toBeUndefined();
    const stats = response.data?.mentionStats as unknown as {
      volume: Array<{
        bucketStart: string;
        mentions: number;
        positive: number;
        negative: number;
        spike: boolean;
      }>;
      shareOfVoice: Array<{
        brandId: string;
        own: boolean;
        mentions: number;
        shareByMentions: number;
      }>;
      ownShareByMentions: number;
      netSentiment: number;
      topAuthors: Array<{ identity: { handle: string } }>;
      alerts: Array<{ bucketStart: string; mentions: number }>;
    };
    expect(stats.volume).toHaveLength(15);
    expect(stats.volume[0]).toMatchObject({
      bucketStart: new Date(START).toISOString(),
      mentions: 3,
    });
    expect(stats.volume.slice(0, 14).every((point) => !point.spike)).toBe(true);
    expect(stats.alerts).toEqual([
      { bucketStart: new Date(START + 14 * DAY).toISOString(), mentions: 30 },
    ]);
    const rival = stats.shareOfVoice.find((share) => share.brandId === rivalId);
    const own = stats.shareOfVoice.find((share) => share.brandId === suite.world.brands.a);
    expect(rival).toMatchObject({ own: false, mentions: 14 });
    expect(own).toMatchObject({ own: true, mentions: 58 });
    expect(stats.ownShareByMentions).toBeCloseTo(58 / 72, 6);
    expect(stats.topAuthors[0]?.identity.handle).toBe('bignews');
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const period = {
      from: new Date(START).toISOString(),
      to: new Date(START - DAY).toISOString(),
      bucket: 'DAY',
    };
    const response = await gql(suite.api.graphqlUrl, STATS, { period }, agent);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'period.to', message: 'must be after `from`' },
    ]);
  });

  it('sends a live alert when today turns into a spike', async () => {
    const { api, world } = suite;
    const today = Math.floor(Date.now() / DAY) * DAY;
    // Brand A2 lives in tenant A2: a tenant of its own, so the other tests' mentions do not count.
    const member = await signIn(api.graphqlUrl, world.users.northMember.email, PASSWORD);
    const caller = { token: member.accessToken, tenantId: world.tenants.a2 };
    const history = [];
    for (let day = 14; day >= 1; day--) {
      for (let i = 0; i < 3; i++)
        history.push(
          post({
            text: 'Brand A2 as usual',
            publishedAt: new Date(today - day * DAY + i * 60_000).toISOString(),
          }),
        );
    }
    await ingest(api.graphqlUrl, caller, history);
    const alerts: unknown[] = [];
    const client = createClient({
      url: api.graphqlUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: {
        authorization: `Bearer ${member.accessToken}`,
        tenantId: world.tenants.a2,
      },
    });
    const stop = client.subscribe(
      { query: 'subscription { spikeAlerts { bucketStart mentions spike } }' },
      {
        next: (result) => alerts.push(result.data?.spikeAlerts ?? result.errors),
        error: (error) => alerts.push(error),
        complete: () => {},
      },
    );
    // Live once the api counts it among its subscriptions; the history alone raised nothing.
    const liveSubscribers = async () =>
      ((await (await fetch(`${api.url}/readyz`)).json()) as { liveSubscribers: number })
        .liveSubscribers;
    await expect.poll(liveSubscribers, { timeout: 5_000 }).toBe(1);
    expect(alerts).toEqual([]);
    await ingest(
      api.graphqlUrl,
      caller,
      Array.from({ length: 30 }, () => post({ text: 'Brand A2 everywhere today' })),
    );
    await expect.poll(() => alerts.length, { timeout: 10_000 }).toBe(1);
    expect(alerts[0]).toEqual({
      bucketStart: new Date(today).toISOString(),
      mentions: 30,
      spike: true,
    });
    stop();
    await client.dispose();
  });

  it('refuses spike alerts for a tenant the user does not reach', async () => {
    const { api, world } = suite;
    const outsider = await signIn(api.graphqlUrl, world.users.bOwner.email, PASSWORD);
    const client = createClient({
      url: api.graphqlUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: {
        authorization: `Bearer ${outsider.accessToken}`,
        tenantId: world.tenants.a,
      },
    });
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { spikeAlerts { mentions } }' },
        {
          next: (result) => resolve(result),
          error: (error) => resolve(error),
          complete: () => resolve('completed without a result'),
        },
      );
    });
    expect(JSON.stringify(outcome)).toMatch(/FORBIDDEN/);
    await client.dispose();
  });
});
