import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECTOR_FIELDS,
  type ConnectorView,
  callerOf,
  connectorById,
  createConnector,
  eventually,
  mentionsOn,
  type SignedIn,
} from '../support/connectors.js';
import {
  atomDocument,
  type FeedItem,
  FeedServer,
  rssDocument,
} from '../support/fixtures/feed-server.js';
import { gql } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';

const POLL_NOW = `mutation($id: ID!) { pollConnectorNow(id: $id) { ${CONNECTOR_FIELDS} } }`;

let sequence = 0;
function item(overrides: Partial<FeedItem> = {}): FeedItem {
  sequence += 1;
  return {
    guid: `post-${Date.now()}-${sequence}`,
    title: `Review ${sequence}`,
    description: 'We tried Brand A &amp; liked it',
    author: 'Marta',
    publishedAt: '2026-01-03T09:00:00Z',
    ...overrides,
  };
}

describe('connectors: RSS and Atom feeds', () => {
  // A long tick: polls happen on creation (a kick) and through pollConnectorNow only.
  const suite = useSuite({
    CONNECTOR_ALLOW_PRIVATE_NETWORKS: 'true',
    CONNECTOR_TICK_SECONDS: '3600',
  });
  const feeds: FeedServer[] = [];
  let managerA: SignedIn;
  let viewerA: SignedIn;

  const pollNow = async (id: string) => {
    const response = await gql<{ pollConnectorNow: ConnectorView }>(
      suite.api.graphqlUrl,
      POLL_NOW,
      { id },
      managerA,
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.pollConnectorNow;
  };

  /** A feed connector, after the first poll its creation starts. */
  const feedConnector = async (feed: FeedServer, channel: string) => {
    const { connector } = await createConnector(suite, managerA, {
      kind: 'RSS',
      settings: { feedUrl: feed.url, pollIntervalSeconds: 60, channel },
    });
    return eventually(
      async () => (await connectorById(suite, viewerA, connector.id)) as ConnectorView,
      (view) => view.lastSuccessAt !== null || view.lastErrorAt !== null,
    );
  };

  beforeAll(async () => {
    managerA = await callerOf(suite, 'aMANAGER', 'a');
    viewerA = await callerOf(suite, 'aVIEWER', 'a');
  });

  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.close()));
  });

  const startFeed = async () => {
    const feed = await new FeedServer().start();
    feeds.push(feed);
    return feed;
  };

  it('ingests an RSS feed, then polls it conditionally: 304 stores nothing, an edit updates', async () => {
    const feed = await startFeed();
    const first = item();
    feed.publish(rssDocument([first]));
    const connector = await feedConnector(feed, 'BLOG');
    expect(connector).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0, lastError: null });
    expect(await mentionsOn(suite, viewerA, 'BLOG')).toContainEqual({
      externalId: first.guid,
      channel: 'BLOG',
      text: `${first.title} — We tried Brand A & liked it`,
      url: `https://blog.example/${first.guid}`,
      author: { handle: 'marta' },
    });
    expect(feed.requests).toHaveLength(1);

    const unchanged = await pollNow(connector.id);
    expect(feed.requests).toHaveLength(2);
    expect(feed.requests[1]).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': expect.any(String),
    });
    expect(unchanged).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0 });
    expect(
      (await mentionsOn(suite, viewerA, 'BLOG')).filter((m) => m.externalId === first.guid),
    ).toHaveLength(1);

    const second = item();
    feed.publish(rssDocument([{ ...first, description: 'Brand A changed the recipe' }, second]));
    await pollNow(connector.id);
    expect(feed.requests[2]).toMatchObject({ 'if-none-match': '"v1"' });
    const mentions = await mentionsOn(suite, viewerA, 'BLOG');
    expect(mentions.filter((m) => m.externalId === first.guid)).toEqual([
      expect.objectContaining({ text: `${first.title} — Brand A changed the recipe` }),
    ]);
    expect(mentions.map((m) => m.externalId)).toContain(second.guid);
    await pollNow(connector.id);
    expect(feed.requests[3]).toMatchObject({ 'if-none-match': '"v2"' });
  });

  it('reads Atom feeds on the channel the connector names', async () => {
    const feed = await startFeed();
    feed.contentType = 'application/atom+xml';
    const entry = item({ guid: `urn:uuid:${crypto.randomUUID()}`, author: 'Newsroom' });
    feed.publish(atomDocument([entry]));
    const connector = await feedConnector(feed, 'NEWS');
    expect(connector.status).toBe('ACTIVE');
    expect(await mentionsOn(suite, viewerA, 'NEWS')).toContainEqual(
      expect.objectContaining({ externalId: entry.guid, author: { handle: 'newsroom' } }),
    );
  });

  it('backs off a failing feed exponentially, shows the error, and recovers', async () => {
    const feed = await startFeed();
    feed.publish(rssDocument([item()]));
    feed.failWith = 503;
    const failing = await feedConnector(feed, 'FORUM');
    expect(failing).toMatchObject({ status: 'FAILING', consecutiveFailures: 1 });
    expect(failing.lastError).toBe('HTTP_ERROR');
    const delay = (view: ConnectorView) =>
      (Date.parse(view.nextPollAt ?? '') - Date.parse(view.lastErrorAt ?? '')) / 1000;
    expect(delay(failing)).toBe(120);

    const again = await pollNow(failing.id);
    expect(again).toMatchObject({ status: 'FAILING', consecutiveFailures: 2 });
    expect(delay(again)).toBe(240);

    feed.failWith = null;
    const recovered = await pollNow(failing.id);
    expect(recovered).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0 });
    expect(recovered.lastSuccessAt).not.toBeNull();
    expect(
      (Date.parse(recovered.nextPollAt ?? '') - Date.parse(recovered.lastSuccessAt ?? '')) / 1000,
    ).toBe(60);
  });

  it('records a document that is not a feed as an error', async () => {
    const feed = await startFeed();
    feed.contentType = 'text/html';
    feed.publish('<html><body>Not a feed</body></html>');
    const connector = await feedConnector(feed, 'BLOG');
    expect(connector).toMatchObject({
      status: 'FAILING',
      lastError: 'NOT_A_FEED',
    });
  });
});
