import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { FeedSubscriber, feedCursor } from '../support/feed-client.js';
import { signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

// Two api processes on one database and one Redis. Subscribers re-read the feed only every
// minute here, so a delivery within the test's seconds can only come through Redis.
describe('live feed across two api replicas through Redis', () => {
  const quiet = { FEED_POLL_INTERVAL_MS: '60000' };
  const suite = useSuite(quiet);
  let second: ApiProcess;

  beforeAll(async () => {
    second = await startApi(suite.databaseUrl, quiet);
  });
  afterAll(async () => {
    await second?.stop();
  });

  it('delivers a mention ingested on one replica to subscribers on both, exactly once', async () => {
    const { world } = suite;
    const agent = await signIn(suite.api.graphqlUrl, world.users.aAGENT.email, PASSWORD);
    const viewer = await signIn(second.graphqlUrl, world.users.aVIEWER.email, PASSWORD);
    const after = await feedCursor(second.graphqlUrl, {
      token: viewer.accessToken,
      tenantId: world.tenants.a,
    });
    const onSecond = new FeedSubscriber(second.graphqlUrl, viewer.accessToken, world.tenants.a, {
      after,
    });
    const onFirst = new FeedSubscriber(suite.api.graphqlUrl, viewer.accessToken, world.tenants.a, {
      after,
    });
    const posts = [post(), post(), post()];
    await ingest(
      suite.api.graphqlUrl,
      { token: agent.accessToken, tenantId: world.tenants.a },
      posts,
    );
    const expected = posts.map((p) => p.externalId);
    expect((await onSecond.waitFor(3, 5_000)).map((event) => event.mention.externalId)).toEqual(
      expected,
    );
    expect((await onFirst.waitFor(3, 5_000)).map((event) => event.mention.externalId)).toEqual(
      expected,
    );
    // Exactly once: a marker ingested last arrives after the three and nothing else between.
    const marker = post();
    await ingest(suite.api.graphqlUrl, { token: agent.accessToken, tenantId: world.tenants.a }, [
      marker,
    ]);
    expect((await onSecond.eventsBefore(marker.externalId)).length).toBe(3);
    expect((await onFirst.eventsBefore(marker.externalId)).length).toBe(3);
    await Promise.all([onSecond.close(), onFirst.close()]);
  });
});
