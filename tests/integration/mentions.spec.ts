import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/databases.js';
import { FeedSubscriber, feedCursor } from '../support/feed-client.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { INGEST, ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const MENTIONS = `query($filter: MentionFilterInput) {
  mentions(first: 50, filter: $filter) { totalCount edges { node { externalId text sentiment language reach brandIds author { handle followers } } } }
}`;

describe('mentions: ingestion, reading and the live feed', () => {
  const suite = useSuite();
  let agentA: Caller & { token: string; tenantId: string };
  let viewerA: Caller & { token: string; tenantId: string };
  let ownerB: Caller & { token: string; tenantId: string };
  let ownerA: Caller & { token: string; tenantId: string };

  beforeAll(async () => {
    const { world, api } = suite;
    agentA = {
      token: (await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD)).accessToken,
      tenantId: world.tenants.a,
    };
    viewerA = {
      token: (await signIn(api.graphqlUrl, world.users.aVIEWER.email, PASSWORD)).accessToken,
      tenantId: world.tenants.a,
    };
    ownerB = {
      token: (await signIn(api.graphqlUrl, world.users.bOwner.email, PASSWORD)).accessToken,
      tenantId: world.tenants.b,
    };
    ownerA = {
      token: (await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD)).accessToken,
      tenantId: world.tenants.a,
    };
  });

  /** Ingests until `subscriber` receives a mention: from then on its subscription is live. */
  async function ingestUntilLive(subscriber: FeedSubscriber): Promise<void> {
    await expect
      .poll(
        async () => {
          await ingest(suite.api.graphqlUrl, agentA, [post()]);
          return subscriber.events.length;
        },
        { timeout: 5_000 },
      )
      .toBeGreaterThan(0);
  }

  it('stores a post once, answers a re-delivery as unchanged and an edit as updated', async () => {
    const url = suite.api.graphqlUrl;
    const feed = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, {
      after: await feedCursor(url, viewerA),
    });
    const original = post();
    const [first] = await ingest(url, agentA, [original]);
    expect(first).toMatchObject({ outcome: 'STORED', matched: true, problems: [] });
    const [again] = await ingest(url, agentA, [original]);
    expect(again).toMatchObject({ outcome: 'UNCHANGED', mentionId: first?.mentionId });
    const [edited] = await ingest(url, agentA, [{ ...original, text: 'Edited: I love Brand A' }]);
    expect(edited).toMatchObject({ outcome: 'UPDATED', mentionId: first?.mentionId });
    const listed = await gql<{
      mentions: { edges: Array<{ node: { externalId: string; text: string } }> };
    }>(url, MENTIONS, { filter: { search: 'edited' } }, viewerA);
    expect(listed.data?.mentions.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ externalId: original.externalId, text: 'Edited: I love Brand A' }),
    ]);
    // The feed has the new post and its edit; the unchanged re-delivery is not news.
    const marker = post();
    await ingest(url, agentA, [marker]);
    expect(
      (await feed.eventsBefore(marker.externalId)).map((event) => [event.kind, event.mention.id]),
    ).toEqual([
      ['CREATED', first?.mentionId],
      ['UPDATED', first?.mentionId],
    ]);
    await feed.close();
  });

  it('understands a post: brands, language, sentiment, reach and author', async () => {
    const url = suite.api.graphqlUrl;
    const spanish = post({
      text: 'Odio Brand A, el peor servicio, nunca más',
      author: { handle: 'Critico', followers: 5000 },
    });
    await ingest(url, agentA, [spanish]);
    const listed = await gql<{ mentions: { edges: Array<{ node: Record<string, unknown> }> } }>(
      url,
      MENTIONS,
      { filter: { authorHandle: '@critico' } },
      viewerA,
    );
    expect(listed.data?.mentions.edges[0]?.node).toMatchObject({
      language: 'es',
      sentiment: 'NEGATIVE',
      brandIds: [suite.world.brands.a],
      author: { handle: 'critico', followers: 5000 },
    });
    expect(listed.data?.mentions.edges[0]?.node.reach).toBeGreaterThan(0);
  });

  it('keeps one identity per author: later posts update what changed, or leave it alone', async () => {
    const url = suite.api.graphqlUrl;
    const author = { handle: '@Regular', displayName: 'Regular Reader', followers: 100 };
    const [first] = await ingest(url, agentA, [post({ author })]);
    // One batch: an unknown author next to the known one whose followers changed.
    await ingest(url, agentA, [
      post({ author: { ...author, followers: 250, displayName: null } }),
      post({ author: { handle: '@newcomer', followers: 3 } }),
    ]);
    // Nothing new about the author: nothing to update.
    const [unchanged] = await ingest(url, agentA, [post({ author: { handle: '@regular' } })]);
    const listed = await gql<{
      mentions: {
        edges: Array<{
          node: { id: string; author: { id: string; displayName: string; followers: number } };
        }>;
      };
    }>(
      url,
      `query($filter: MentionFilterInput) {
        mentions(first: 10, filter: $filter) { edges { node { id author { id displayName followers } } } }
      }`,
      { filter: { authorHandle: '@regular' } },
      viewerA,
    );
    const nodes = listed.data?.mentions.edges.map((edge) => edge.node) ?? [];
    expect(nodes).toHaveLength(3);
    expect(new Set(nodes.map((node) => node.author.id)).size).toBe(1);
    expect(nodes[0]?.author).toMatchObject({ displayName: 'Regular Reader', followers: 250 });
    expect(nodes.map((node) => node.id)).toEqual(
      expect.arrayContaining([first?.mentionId, unchanged?.mentionId]),
    );
  });

  it('keeps unmatched posts out of the list and answers invalid ones with their fields', async () => {
    const url = suite.api.graphqlUrl;
    const invalid = post({
      text: '   ',
      url: 'not a url',
      author: { handle: 'someone', followers: -5 },
    });
    const results = await ingest(url, agentA, [
      post({ text: 'Nothing about any tracked brand here' }),
      invalid,
    ]);
    expect(results[0]).toMatchObject({ outcome: 'STORED', matched: false });
    expect(results[1]).toMatchObject({
      outcome: 'REJECTED',
      matched: false,
      externalId: invalid.externalId,
    });
    expect(results[1]?.problems.map((problem) => problem.field).sort()).toEqual([
      'author.followers',
      'text',
      'url',
    ]);
    const listed = await gql<{ mentions: { edges: Array<{ node: { text: string } }> } }>(
      url,
      MENTIONS,
      { filter: { search: 'nothing tracked' } },
      viewerA,
    );
    expect(listed.data?.mentions.edges).toEqual([]);
  });

  it('lets viewers read but not ingest, and keeps each tenant’s mentions to itself', async () => {
    const url = suite.api.graphqlUrl;
    expect(errorCodes(await gql(url, INGEST, { input: [post()] }, viewerA))).toEqual(['FORBIDDEN']);
    const marker = post({ text: 'Brand B only for tenant B, secret marker' });
    await ingest(url, ownerB, [marker]);
    const fromA = await gql<{
      mentions: { totalCount: number; edges: Array<{ node: { externalId: string } }> };
    }>(url, MENTIONS, { filter: { search: 'secret marker' } }, viewerA);
    expect(fromA.data?.mentions.totalCount).toBe(0);
    const fromB = await gql<{ mentions: { totalCount: number } }>(
      url,
      MENTIONS,
      { filter: { search: 'secret marker' } },
      ownerB,
    );
    expect(fromB.data?.mentions.totalCount).toBe(1);
  });

  it('delivers new mentions of the tenant live, filtered, and never another tenant’s', async () => {
    const url = suite.api.graphqlUrl;
    const after = await feedCursor(url, viewerA);
    const everything = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, { after });
    const negativeOnly = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, {
      after,
      filter: { sentiments: ['NEGATIVE'] },
    });
    const tenantB = new FeedSubscriber(url, ownerB.token, ownerB.tenantId, {
      after: await feedCursor(url, ownerB),
    });
    const happy = post({ text: 'Brand A is wonderful, I love it' });
    const angry = post({ text: 'Brand A is terrible, I hate it, worst ever' });
    await ingest(url, agentA, [happy, angry]);
    const received = await everything.waitFor(2);
    expect(received.map((event) => event.mention.externalId)).toEqual([
      happy.externalId,
      angry.externalId,
    ]);
    expect((await negativeOnly.waitFor(1)).map((event) => event.mention.externalId)).toEqual([
      angry.externalId,
    ]);
    // Markers ingested last in each tenant: what did not come before them is not coming.
    const markerB = post({ text: 'Brand B is terrible, I hate it' });
    const markerA = post({ text: 'Brand A is awful, I hate it, worst ever' });
    await ingest(url, agentA, [markerA]);
    await ingest(url, ownerB, [markerB]);
    expect(await tenantB.eventsBefore(markerB.externalId)).toEqual([]);
    expect(await negativeOnly.eventsBefore(markerA.externalId)).toHaveLength(1);
    await Promise.all([everything.close(), negativeOnly.close(), tenantB.close()]);
  });

  it('resumes from a cursor with what was missed, in order and without duplicates', async () => {
    const url = suite.api.graphqlUrl;
    const first = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, {
      after: await feedCursor(url, viewerA),
    });
    const before = post();
    await ingest(url, agentA, [before]);
    const [seen] = await first.waitFor(1);
    await first.close();
    const missed = [post(), post(), post()];
    await ingest(url, agentA, missed.slice(0, 2));
    await ingest(url, agentA, missed.slice(2));
    const resumed = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, {
      after: seen?.cursor,
    });
    const events = await resumed.waitFor(3);
    expect(events.map((event) => event.mention.externalId)).toEqual(
      missed.map((m) => m.externalId),
    );
    const marker = post();
    await ingest(url, agentA, [marker]);
    expect(await resumed.eventsBefore(marker.externalId)).toHaveLength(3);
    await resumed.close();
  });

  it("numbers each tenant's feed on its own, so a cursor tells nothing of other tenants", async () => {
    const url = suite.api.graphqlUrl;
    const before = BigInt(await feedCursor(url, viewerA));
    const feed = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, {
      after: String(before),
    });
    await ingest(url, agentA, [post()]);
    await ingest(url, ownerB, [post({ text: 'Brand B one' }), post({ text: 'Brand B two' })]);
    await ingest(url, agentA, [post()]);
    const events = await feed.waitFor(2);
    // Tenant B's two entries in between took no numbers from tenant A's feed.
    expect(events.map((event) => BigInt(event.cursor))).toEqual([before + 1n, before + 2n]);
    expect(BigInt(await feedCursor(url, viewerA))).toBe(before + 2n);
    await feed.close();
  });

  it('delivers the feed in batches to `mentionsAdded`: in order, filtered, resumable', async () => {
    const url = suite.api.graphqlUrl;
    const after = await feedCursor(url, viewerA);
    const batched = new FeedSubscriber(
      url,
      viewerA.token,
      viewerA.tenantId,
      { after },
      {
        batched: true,
      },
    );
    const negativeOnly = new FeedSubscriber(
      url,
      viewerA.token,
      viewerA.tenantId,
      { after, filter: { sentiments: ['NEGATIVE'] } },
      { batched: true },
    );
    const tenantB = new FeedSubscriber(
      url,
      ownerB.token,
      ownerB.tenantId,
      { after: await feedCursor(url, ownerB) },
      { batched: true },
    );
    const posts = [
      post({ text: 'Brand A is wonderful, I love it' }),
      post({ text: 'Brand A is terrible, I hate it, worst ever' }),
      post({ text: 'Brand A again, lovely' }),
    ];
    await ingest(url, agentA, posts);
    const received = await batched.waitFor(3);
    expect(received.map((event) => event.mention.externalId)).toEqual(
      posts.map((p) => p.externalId),
    );
    // One ingest, one dispatch: the three arrive together.
    expect(batched.batches).toEqual([3]);
    const angry = await negativeOnly.waitFor(1);
    expect(angry.map((event) => event.mention.externalId)).toEqual([posts[1]?.externalId]);
    await batched.close();
    const later = post();
    await ingest(url, agentA, [later]);
    const resumed = new FeedSubscriber(
      url,
      viewerA.token,
      viewerA.tenantId,
      { after: received[0]?.cursor },
      { batched: true },
    );
    expect((await resumed.waitFor(3)).map((event) => event.mention.externalId)).toEqual([
      posts[1]?.externalId,
      posts[2]?.externalId,
      later.externalId,
    ]);
    const markerA = post({ text: 'Brand A is awful, I hate it, worst ever' });
    const markerB = post({ text: 'Brand B is terrible, I hate it' });
    await ingest(url, agentA, [markerA]);
    await ingest(url, ownerB, [markerB]);
    expect(await tenantB.eventsBefore(markerB.externalId)).toEqual([]);
    expect(await negativeOnly.eventsBefore(markerA.externalId)).toHaveLength(1);
    expect(await resumed.eventsBefore(markerA.externalId)).toHaveLength(3);
    await Promise.all([negativeOnly.close(), tenantB.close(), resumed.close()]);
  });

  it('filters the live feed by dates and words as the list does, and refuses a cursor it never handed out', async () => {
    const url = suite.api.graphqlUrl;
    const after = await feedCursor(url, viewerA);
    const filter = { search: 'Espresso', from: new Date(Date.now() - 3_600_000).toISOString() };
    const live = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, { after, filter });
    const tonight = post({ text: 'Brand A espresso tonight, lovely' });
    const lastWeek = post({
      text: 'Brand A espresso last week',
      publishedAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    });
    const otherWords = post({ text: 'Brand A latte tonight' });
    await ingest(url, agentA, [tonight, lastWeek, otherWords]);
    expect((await live.waitFor(1)).map((event) => event.mention.externalId)).toEqual([
      tonight.externalId,
    ]);
    const listed = await gql<{
      mentions: { edges: Array<{ node: { externalId: string } }> };
    }>(url, MENTIONS, { filter }, viewerA);
    expect(listed.data?.mentions.edges.map((edge) => edge.node.externalId)).toEqual([
      tonight.externalId,
    ]);
    const marker = post({ text: 'Brand A espresso, one more' });
    await ingest(url, agentA, [marker]);
    expect(await live.eventsBefore(marker.externalId)).toHaveLength(1);
    await live.close();

    const malformed = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, { after: 'abc' });
    await expect.poll(() => malformed.errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(malformed.errors)).toMatch(/BAD_USER_INPUT.*after|after.*BAD_USER_INPUT/);
    // As over HTTP, the error names its request for support.
    expect(JSON.stringify(malformed.errors)).toMatch(/"requestId":"[\w.:-]+:[\w-]+"/);
    expect(malformed.events).toEqual([]);
    await malformed.close();

    // Well formed, but beyond the feed's head: following it would skip what comes until then.
    const ahead = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, {
      after: String(BigInt(await feedCursor(url, viewerA)) + 1_000_000n),
    });
    await expect.poll(() => ahead.errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(ahead.errors)).toMatch(/BAD_USER_INPUT.*after|after.*BAD_USER_INPUT/);
    expect(ahead.events).toEqual([]);
    await ahead.close();
  });

  it('ends a feed whose read fails midway with a masked error, never the database’s text', async () => {
    const url = suite.api.graphqlUrl;
    await ingest(url, agentA, [post()]);
    // The head still reads (mention_feed), the catch-up from the start does not (mention).
    await withClient(suite.databaseUrl, (db) =>
      db.query('REVOKE SELECT ON mention FROM socialcrm_app'),
    );
    try {
      const failing = new FeedSubscriber(url, viewerA.token, viewerA.tenantId, { after: '0' });
      await expect.poll(() => failing.errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(JSON.stringify(failing.errors)).toMatch(/INTERNAL_SERVER_ERROR/);
      expect(JSON.stringify(failing.errors)).not.toMatch(/permission denied/i);
      await failing.close();
    } finally {
      await withClient(suite.databaseUrl, (db) =>
        db.query('GRANT SELECT ON mention TO socialcrm_app'),
      );
    }
  });

  it.each([
    ['mentionAdded', false],
    ['mentionsAdded', true],
  ])('refuses %s for a tenant the user does not reach', async (_name, batched) => {
    const intruder = new FeedSubscriber(
      suite.api.graphqlUrl,
      viewerA.token,
      suite.world.tenants.b,
      {},
      { batched },
    );
    await expect
      .poll(() => intruder.errors.length + (intruder.completed ? 1 : 0), { timeout: 5_000 })
      .toBeGreaterThan(0);
    expect(JSON.stringify(intruder.errors)).toMatch(/FORBIDDEN/);
    expect(intruder.events).toEqual([]);
    await intruder.close();
  });

  it('ends a subscription within about a second once the session is signed out', async () => {
    const url = suite.api.graphqlUrl;
    const session = await signIn(url, suite.world.users.aMANAGER.email, PASSWORD);
    const subscriber = new FeedSubscriber(url, session.accessToken, suite.world.tenants.a);
    await ingestUntilLive(subscriber);
    await gql(
      url,
      'mutation($t: String) { signOut(refreshToken: $t) }',
      { t: session.refreshToken },
      { token: session.accessToken },
    );
    await expect.poll(() => subscriber.completed, { timeout: 3_000 }).toBe(true);
    // And the signed-out token opens no new subscription.
    const again = new FeedSubscriber(url, session.accessToken, suite.world.tenants.a);
    await expect
      .poll(() => again.errors.length + (again.completed ? 1 : 0), { timeout: 5_000 })
      .toBeGreaterThan(0);
    expect(again.events).toEqual([]);
    await Promise.all([subscriber.close(), again.close()]);
  });

  it('keeps an agency member’s and an API key’s subscriptions through the re-checks, and ends the key’s once revoked', async () => {
    const url = suite.api.graphqlUrl;
    const { world } = suite;
    const created = await gql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      url,
      'mutation { createApiKey(input: { name: "feed reader", role: VIEWER }) { secret apiKey { id } } }',
      {},
      ownerA,
    );
    const key = created.data?.createApiKey;
    // North runs tenant A: its member reaches A through the agency alone.
    const agencyMember = await signIn(url, world.users.northMember.email, PASSWORD);
    const after = await feedCursor(url, ownerA);
    const viaAgency = new FeedSubscriber(url, agencyMember.accessToken, world.tenants.a, { after });
    const viaKey = new FeedSubscriber(url, key?.secret ?? '', world.tenants.a, { after });
    const [first] = await ingest(url, agentA, [post()]);
    await viaAgency.waitFor(1);
    await viaKey.waitFor(1);
    // A canary in the same channel, signed out: once a re-check has ended it, that re-check
    // judged the other two as well.
    const session = await signIn(url, world.users.aMANAGER.email, PASSWORD);
    const canary = new FeedSubscriber(url, session.accessToken, world.tenants.a);
    await ingestUntilLive(canary);
    await gql(
      url,
      'mutation($t: String) { signOut(refreshToken: $t) }',
      { t: session.refreshToken },
      { token: session.accessToken },
    );
    await expect.poll(() => canary.completed, { timeout: 3_000 }).toBe(true);
    expect([viaAgency.completed, viaKey.completed]).toEqual([false, false]);
    const [second] = await ingest(url, agentA, [post()]);
    const expected = [first?.mentionId, second?.mentionId];
    await expect.poll(() => viaAgency.events.at(-1)?.mention.id).toBe(second?.mentionId);
    await expect.poll(() => viaKey.events.at(-1)?.mention.id).toBe(second?.mentionId);
    // Both saw everything from the first to the second (the canary's posts between), alike.
    const ids = (subscriber: FeedSubscriber) => subscriber.events.map((event) => event.mention.id);
    expect([ids(viaAgency)[0], ids(viaAgency).at(-1)]).toEqual(expected);
    expect(ids(viaKey)).toEqual(ids(viaAgency));

    const revoked = await gql(
      url,
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: key?.apiKey.id },
      ownerA,
    );
    expect(revoked.errors, JSON.stringify(revoked.errors)).toBeUndefined();
    await expect.poll(() => viaKey.completed, { timeout: 3_000 }).toBe(true);
    expect(viaAgency.completed).toBe(false);
    expect([...viaAgency.errors, ...viaKey.errors]).toEqual([]);
    await Promise.all([viaAgency.close(), viaKey.close(), canary.close()]);
  });

  it('ends the subscription of a member removed from the tenant', async () => {
    const url = suite.api.graphqlUrl;
    const { world } = suite;
    // A member of its own, so no other test depends on who is removed here.
    const invited = await gql<{ inviteMember: { token: string } }>(
      url,
      'mutation { inviteMember(input: { email: "leaving@example.com", role: VIEWER }) { token } }',
      {},
      ownerA,
    );
    const joined = await gql<{ acceptInvitation: { accessToken: string } }>(
      url,
      'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }',
      {
        input: {
          token: invited.data?.inviteMember.token,
          name: 'Leaving',
          password: 'Strong-pass-123',
        },
      },
    );
    const me = await gql<{ me: { user: { id: string } } }>(
      url,
      '{ me { user { id } } }',
      {},
      { token: joined.data?.acceptInvitation.accessToken },
    );
    const subscriber = new FeedSubscriber(
      url,
      joined.data?.acceptInvitation.accessToken ?? '',
      world.tenants.a,
    );
    await ingestUntilLive(subscriber);
    const removed = await gql(
      url,
      'mutation($u: ID!) { removeMember(userId: $u) }',
      { u: me.data?.me.user.id },
      ownerA,
    );
    expect(removed.errors, JSON.stringify(removed.errors)).toBeUndefined();
    await expect.poll(() => subscriber.completed, { timeout: 3_000 }).toBe(true);
    await subscriber.close();
  });
});
