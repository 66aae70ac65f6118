import { createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import {
  breakdown,
  hashtagsOf,
  type ListedMention,
  listMentions,
  netSentimentOf,
  topTerms,
  wordsOf,
} from '../support/mention-tallies.js';
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

const DASHBOARD = `query($period: StatsPeriodInput!, $filter: MentionFilterInput) {
  mentionStats(period: $period, filter: $filter) {
    mentions
    volume { mentions }
    byChannel { key name mentions positive neutral negative netSentiment }
    byLanguage { key name mentions positive neutral negative netSentiment }
    byBrand { key name mentions positive neutral negative netSentiment }
    topHashtags { term mentions }
    topTerms { term mentions }
  }
}`;

interface Dashboard {
  mentions: number;
  volume: Array<{ mentions: number }>;
  byChannel: Array<Record<string, unknown>>;
  byLanguage: Array<Record<string, unknown>>;
  byBrand: Array<Record<string, unknown>>;
  topHashtags: Array<{ term: string; mentions: number }>;
  topTerms: Array<{ term: string; mentions: number }>;
}

const OVERVIEW = `query($agencyId: ID!, $period: StatsPeriodInput!) {
  agencyOverview(agencyId: $agencyId, period: $period) {
    agency { id name }
    tenantCount
    tenants {
      tenant { id name agency { id } }
      mentions netSentiment ownShareByMentions
      trend { bucketStart mentions }
    }
  }
}`;

// Dashboard fixtures of tenant A: a week of February 2026 in four languages, with hashtags,
// handles, a link and stopwords; one post on each side of the week.
const WEEK = Date.UTC(2026, 1, 2); // Monday 2 February 2026
const WEEK_POSTS: ReadonlyArray<{ hour: number; channel: string; text: string }> = [
  { hour: -71, channel: 'X', text: 'Brand A opened a new shop' },
  {
    hour: -14,
    channel: 'X',
    text: 'Brand A coffee was fine yesterday',
  },
  {
    hour: 10,
    channel: 'X',
    text: 'Brand A coffee is amazing #CoffeeTime #BrandA @barista https://shop.example.com/menu#latte',
  },
  {
    hour: 11,
    channel: 'INSTAGRAM',
    text: 'El café de Brand A está riquísimo y el servicio es rápido #CoffeeTime',
  },
  {
    hour: 34,
    channel: 'FACEBOOK',
    text: 'O café da Brand A não é bom, atendimento péssimo #fail',
  },
  { hour: 35, channel: 'X', text: 'Кофе Brand A просто ужасный и холодный #fail' },
  { hour: 58, channel: 'X', text: 'Rival coffee is cheaper than Brand A coffee #coffeetime' },
  { hour: 82, channel: 'INSTAGRAM', text: 'Rival has the worst service ever #Fail #rival' },
  { hour: 106, channel: 'X', text: 'I love the new Brand A latte, best latte in town' },
  { hour: 130, channel: 'FACEBOOK', text: 'Brand A latte and coffee, always great #Latte #latte' },
  { hour: 154, channel: 'YOUTUBE', text: 'Review: Brand A espresso machine, great coffee' },
  { hour: 178, channel: 'X', text: 'Brand A coffee after the period #late' },
];
// The words of the fixtures that are stopwords of es/en/pt/ru (PostgreSQL's lists).
const FIXTURE_STOPWORDS = new Set(
  'a is el de está y es o da não и than has the i in and was after'.split(' '),
);

// Agency home fixtures: a week of March 2026 in each tenant, B's included (another agency).
const HOME = Date.UTC(2026, 2, 2);
const HOME_DAYS = 7;

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

  describe('dashboard breakdowns, hashtags and terms', () => {
    const week = { from: WEEK, to: WEEK + 7 * DAY };
    let listed: Map<string, ListedMention>;
    let bCaller: Caller;

    beforeAll(async () => {
      const { api, world } = suite;
      const rows = await ingest(
        api.graphqlUrl,
        agent,
        WEEK_POSTS.map(({ hour, channel, text }) =>
          post({ channel, text, publishedAt: new Date(WEEK + hour * 3_600_000).toISOString() }),
        ),
      );
      expect(rows.every((row) => row.outcome === 'STORED' && row.matched)).toBe(true);
      const all = await listMentions(api.graphqlUrl, agent, WEEK - 7 * DAY, WEEK + 14 * DAY);
      listed = new Map(all.map((mention) => [mention.text, mention]));
      const bOwner = await signIn(api.graphqlUrl, world.users.bOwner.email, PASSWORD);
      bCaller = { token: bOwner.accessToken, tenantId: world.tenants.b };
      await ingest(api.graphqlUrl, bCaller, [
        post({
          text: 'Brand B zebra stripes #zebra',
          publishedAt: new Date(WEEK + DAY).toISOString(),
        }),
      ]);
    });

    /** What ingest made of the fixtures published in [from, to) and passing `keep`. */
    const expectedMentions = (
      range: { from: number; to: number },
      keep: (mention: ListedMention) => boolean = () => true,
    ) =>
      WEEK_POSTS.filter(({ hour }) => {
        const at = WEEK + hour * 3_600_000;
        return at >= range.from && at < range.to;
      })
        .map(({ text }) => listed.get(text) as ListedMention)
        .filter(keep);

    const dashboard = async (
      range: { from: number; to: number; bucket?: string },
      filter: Record<string, unknown> | null = null,
      caller: Caller = agent,
    ) => {
      const period = {
        from: new Date(range.from).toISOString(),
        to: new Date(range.to).toISOString(),
        bucket: range.bucket ?? 'DAY',
      };
      const response = await gql<{ mentionStats: Dashboard }>(
        suite.api.graphqlUrl,
        DASHBOARD,
        { period, filter },
        caller,
      );
      expect(response.errors).toBeUndefined();
      return response.data?.mentionStats as Dashboard;
    };

    const expectedDashboard = (mentions: ListedMention[]) => {
      const names = new Map([
        [suite.world.brands.a, 'Brand A'],
        [rivalId, 'Rival'],
      ]);
      const byBrand = breakdown(mentions, (m) => m.brandIds).map((group) => ({
        ...group,
        name: names.get(group.key),
      }));
      return {
        mentions: mentions.length,
        byChannel: breakdown(mentions, (m) => [m.channel]).map((g) => ({ ...g, name: null })),
        byLanguage: breakdown(mentions, (m) => [m.language]).map((g) => ({ ...g, name: null })),
        // Ties between brands are ordered by name: sort the same way.
        byBrand: byBrand.sort(
          (a, b) => b.mentions - a.mentions || (a.name ?? '').localeCompare(b.name ?? ''),
        ),
        topHashtags: topTerms(
          mentions.map((m) => m.text),
          hashtagsOf,
        ),
        topTerms: topTerms(
          mentions.map((m) => m.text),
          (text) => wordsOf(text, FIXTURE_STOPWORDS),
        ),
      };
    };

    it('breaks the period down by channel, language and brand, with its top hashtags and terms', async () => {
      const mentions = expectedMentions(week);
      expect(mentions).toHaveLength(9);
      const stats = await dashboard(week);
      expect(stats).toMatchObject(expectedDashboard(mentions));
      expect(stats.volume.reduce((sum, point) => sum + point.mentions, 0)).toBe(9);
      // The fixtures' shape, so the comparison above cannot pass on empty lists.
      expect(stats.topHashtags.slice(0, 2)).toEqual([
        { term: 'coffeetime', mentions: 3 },
        { term: 'fail', mentions: 3 },
      ]);
      expect(stats.topTerms).toHaveLength(20);
      expect(stats.topTerms[0]).toEqual({ term: 'brand', mentions: 8 });
      const terms = stats.topTerms.map((entry) => entry.term);
      for (const absent of ['the', 'de', 'não', 'barista', 'https', 'coffeetime'])
        expect(terms).not.toContain(absent);
      expect(terms).toEqual(expect.arrayContaining(['café', 'coffee', 'latte']));
    });

    it('respects the filter in every breakdown', async () => {
      const filter = { channels: ['X', 'YOUTUBE'] };
      const mentions = expectedMentions(week, (m) => filter.channels.includes(m.channel));
      const stats = await dashboard(week, filter);
      expect(stats).toMatchObject(expectedDashboard(mentions));
      expect(stats.byChannel.map((entry) => entry.key).sort()).toEqual(['X', 'YOUTUBE']);
      expect(stats.topTerms.map((entry) => entry.term)).toContain('кофе');
    });

    it('measures a custom range and, asked again, the period before it', async () => {
      const range = { from: WEEK + 36 * 3_600_000, to: WEEK + 108 * 3_600_000 };
      const length = range.to - range.from;
      const previous = { from: range.from - length, to: range.from };
      for (const period of [range, previous]) {
        const mentions = expectedMentions(period);
        expect(mentions.length).toBeGreaterThan(1);
        const stats = await dashboard(period);
        expect(stats).toMatchObject(expectedDashboard(mentions));
      }
      // Any length up to three years, and a clear refusal beyond, naming the field.
      const long = { from: WEEK - 1_000 * DAY, to: WEEK, bucket: 'WEEK' };
      expect((await dashboard(long)).mentions).toBe(expectedMentions(long).length);
      expect(expectedMentions(long)).toHaveLength(2);
      const tooLong = await gql(
        suite.api.graphqlUrl,
        DASHBOARD,
        {
          period: {
            from: new Date(WEEK - 1_097 * DAY).toISOString(),
            to: new Date(WEEK).toISOString(),
            bucket: 'MONTH',
          },
        },
        agent,
      );
      expect(errorCodes(tooLong)).toEqual(['BAD_USER_INPUT']);
      expect(tooLong.errors?.[0]?.extensions?.fields).toEqual([
        expect.objectContaining({ field: 'period.to', reason: 'TOO_LONG' }),
      ]);
    });

    it("keeps each tenant's breakdowns to its own mentions", async () => {
      const stats = await dashboard(week, null, bCaller);
      expect(stats.byBrand.map((entry) => entry.key)).toEqual([suite.world.brands.b]);
      expect(stats.topHashtags).toEqual([{ term: 'zebra', mentions: 1 }]);
      expect(stats.topTerms.map((entry) => entry.term).sort()).toEqual([
        'brand',
        'stripes',
        'zebra',
      ]);
      // And B's owner cannot read A's, whatever field is asked for.
      const intruding = await gql(
        suite.api.graphqlUrl,
        DASHBOARD,
        {
          period: {
            from: new Date(week.from).toISOString(),
            to: new Date(week.to).toISOString(),
          },
        },
        { token: bCaller.token, tenantId: suite.world.tenants.a },
      );
      expect(errorCodes(intruding)).toEqual(['FORBIDDEN']);
      expect(intruding.data ?? null).toBeNull();
    });
  });

  describe('agency overview', () => {
    const period = {
      from: new Date(HOME).toISOString(),
      to: new Date(HOME + HOME_DAYS * DAY).toISOString(),
      bucket: 'DAY',
    };
    let northMember: Caller;
    let a2Member: Caller;
    let bOwner: Caller;

    beforeAll(async () => {
      const { api, world } = suite;
      const member = await signIn(api.graphqlUrl, world.users.northMember.email, PASSWORD);
      northMember = { token: member.accessToken };
      a2Member = { token: member.accessToken, tenantId: world.tenants.a2 };
      const owner = await signIn(api.graphqlUrl, world.users.bOwner.email, PASSWORD);
      bOwner = { token: owner.accessToken, tenantId: world.tenants.b };
      const at = (day: number, hour: number) => new Date(HOME + day * DAY + hour * 3_600_000);
      const texts = [
        'I love Brand A, great',
        'Brand A is terrible, I hate it',
        'Rival is wonderful, I love it',
        'Brand A and Rival, both fine',
      ];
      await ingest(
        api.graphqlUrl,
        agent,
        Array.from({ length: 10 }, (_, i) =>
          post({ text: texts[i % texts.length], publishedAt: at(i % 5, i).toISOString() }),
        ),
      );
      await ingest(
        api.graphqlUrl,
        a2Member,
        Array.from({ length: 4 }, (_, i) =>
          post({
            text: i % 2 ? 'Brand A2 is awful' : 'Brand A2 is lovely',
            publishedAt: at(6, i).toISOString(),
          }),
        ),
      );
      await ingest(api.graphqlUrl, bOwner, [
        post({ text: 'Brand B in March', publishedAt: at(1, 0).toISOString() }),
      ]);
    });

    /** A tenant's row, computed from its mentions as the list shows them to one of its users. */
    const expectedTenant = async (caller: Caller, ownBrands: string[]) => {
      const mentions = await listMentions(
        suite.api.graphqlUrl,
        caller,
        HOME,
        HOME + HOME_DAYS * DAY,
      );
      const pairs = mentions.flatMap((m) => m.brandIds);
      const count = (label: string) => mentions.filter((m) => m.sentiment === label).length;
      return {
        mentions: mentions.length,
        netSentiment: netSentimentOf({ positive: count('POSITIVE'), negative: count('NEGATIVE') }),
        ownShareByMentions: pairs.filter((id) => ownBrands.includes(id)).length / pairs.length,
        trend: Array.from({ length: HOME_DAYS }, (_, day) => ({
          bucketStart: new Date(HOME + day * DAY).toISOString(),
          mentions: mentions.filter(
            (m) => Math.floor((Date.parse(m.publishedAt) - HOME) / DAY) === day,
          ).length,
        })),
      };
    };

    it('shows each tenant of the agency with its own numbers, read in that tenant', async () => {
      const { world } = suite;
      const response = await gql<{ agencyOverview: Record<string, unknown> }>(
        suite.api.graphqlUrl,
        OVERVIEW,
        { agencyId: world.agencies.north, period },
        northMember,
      );
      expect(response.errors).toBeUndefined();
      const a = await expectedTenant(agent, [world.brands.a]);
      const a2 = await expectedTenant(a2Member, [world.brands.a2]);
      expect(a.mentions).toBe(10);
      expect(a2.mentions).toBe(4);
      expect(a.ownShareByMentions).toBeLessThan(1);
      expect(response.data?.agencyOverview).toEqual({
        agency: { id: world.agencies.north, name: 'North' },
        tenantCount: 2,
        tenants: [
          {
            tenant: { id: world.tenants.a, name: 'Tenant A', agency: { id: world.agencies.north } },
            ...a,
          },
          {
            tenant: {
              id: world.tenants.a2,
              name: 'Tenant A2',
              agency: { id: world.agencies.north },
            },
            ...a2,
          },
        ],
      });
    });

    it('refuses an agency the caller is not staff of, and callers that are not users', async () => {
      const { api, world } = suite;
      const overview = (agencyId: string, caller: Caller) =>
        gql(api.graphqlUrl, OVERVIEW, { agencyId, period }, caller);
      const refusals = [
        await overview(world.agencies.north, bOwner), // staff of no agency
        await overview(world.agencies.north, agent), // a member of tenant A, not of North
        await overview(world.agencies.south, northMember), // staff of another agency
        await overview('00000000-0000-4000-8000-000000000000', northMember), // no such agency
      ];
      const key = await gql<{ createApiKey: { secret: string } }>(
        api.graphqlUrl,
        'mutation { createApiKey(input: { name: "home", role: OWNER }) { secret } }',
        {},
        {
          token: (await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD)).accessToken,
          tenantId: world.tenants.a,
        },
      );
      refusals.push(
        await overview(world.agencies.north, {
          token: key.data?.createApiKey.secret,
          tenantId: world.tenants.a,
        }),
      );
      for (const refusal of refusals) {
        expect(errorCodes(refusal)).toEqual(['FORBIDDEN']);
        expect(refusal.data ?? null).toBeNull();
      }
      expect(errorCodes(await overview(world.agencies.north, {}))).toEqual(['UNAUTHENTICATED']);
      const malformed = await overview('north', northMember);
      expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
      expect(malformed.errors?.[0]?.extensions?.fields).toEqual([
        { field: 'agencyId', message: 'is not a valid id' },
      ]);
    });
  });
});
