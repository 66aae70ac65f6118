import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectorView,
  callerOf,
  connectorById,
  createConnector,
  eventually,
  mentionsOn,
  type SignedIn,
} from '../support/connectors.js';
import { MastodonServer, mastodonStatus } from '../support/fixtures/mastodon-server.js';
import { gql } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';

describe('connectors: Mastodon streaming', () => {
  const suite = useSuite({ CONNECTOR_ALLOW_PRIVATE_NETWORKS: 'true', CONNECTOR_TICK_SECONDS: '1' });
  let mastodon: MastodonServer;
  let managerA: SignedIn;
  let viewerA: SignedIn;

  beforeAll(async () => {
    mastodon = await new MastodonServer().start();
    managerA = await callerOf(suite, 'aMANAGER', 'a');
    viewerA = await callerOf(suite, 'aVIEWER', 'a');
  });

  afterAll(async () => {
    await mastodon?.close();
  });

  it('streams a hashtag: updates and edits become mentions; pausing closes the stream', async () => {
    const { connector } = await createConnector(suite, managerA, {
      kind: 'MASTODON',
      settings: { baseUrl: mastodon.url, stream: 'HASHTAG', hashtag: '#coffee' },
      secret: 'mastodon-access-token',
    });
    expect(connector).toMatchObject({
      hasSecret: true,
      settings: { hashtag: 'coffee', stream: 'HASHTAG' },
    });
    await eventually(
      async () => mastodon.connected,
      (count) => count === 1,
    );
    expect(mastodon.connected).toBe(1);
    expect(mastodon.requests[0]).toMatchObject({
      path: '/api/v1/streaming/hashtag?tag=coffee',
      headers: { authorization: 'Bearer mastodon-access-token', accept: 'text/event-stream' },
    });

    const first = mastodonStatus({
      content: '<p>Morning <a href="#">#coffee</a> from Brand A</p>',
    });
    const second = mastodonStatus({
      content: '<p>Brand A &amp; cake</p>',
      acct: 'bob@other.example',
    });
    mastodon.push('update', first);
    mastodon.push('update', second);
    mastodon.push('status.update', {
      ...first,
      content: '<p>Edited: Brand A is the best #coffee</p>',
    });
    mastodon.push('delete', String(second.id));

    const mentions = await eventually(
      () => mentionsOn(suite, viewerA, 'MASTODON'),
      (list) => list.some((m) => m.text.startsWith('Edited')) && list.length >= 2,
    );
    expect(mentions).toEqual(
      expect.arrayContaining([
        {
          externalId: first.id,
          channel: 'MASTODON',
          text: 'Edited: Brand A is the best #coffee',
          url: first.url,
          author: { handle: 'ana@127.0.0.1' },
        },
        expect.objectContaining({
          externalId: second.id,
          text: 'Brand A & cake',
          author: { handle: 'bob@other.example' },
        }),
      ]),
    );
    const live = (await connectorById(suite, viewerA, connector.id)) as ConnectorView;
    expect(live).toMatchObject({ status: 'ACTIVE', consecutiveFailures: 0 });
    expect(live.lastSuccessAt).not.toBeNull();
    // The lease is renewed every tick without reconnecting: one connection throughout.
    expect(mastodon.requests).toHaveLength(1);

    const paused = await gql<{ updateConnector: ConnectorView }>(
      suite.api.graphqlUrl,
      'mutation($id: ID!) { updateConnector(id: $id, input: { paused: true }) { status } }',
      { id: connector.id },
      managerA,
    );
    expect(paused.data?.updateConnector.status).toBe('PAUSED');
    expect(
      await eventually(
        async () => mastodon.connected,
        (count) => count === 0,
      ),
    ).toBe(0);
  });

  it('shows a stream the server refuses as FAILING with the reason', async () => {
    const { connector } = await createConnector(suite, managerA, {
      kind: 'MASTODON',
      settings: { baseUrl: `${mastodon.url}/nowhere`, stream: 'PUBLIC' },
    });
    const failing = await eventually(
      async () => (await connectorById(suite, viewerA, connector.id)) as ConnectorView,
      (view) => view.status === 'FAILING',
    );
    expect(failing).toMatchObject({
      status: 'FAILING',
      lastError: 'HTTP_ERROR',
    });
    await gql(
      suite.api.graphqlUrl,
      'mutation($id: ID!) { deleteConnector(id: $id) }',
      { id: connector.id },
      managerA,
    );
  });
});
