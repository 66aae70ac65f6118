import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECTOR_FIELDS,
  type ConnectorView,
  CREATE_CONNECTOR,
  callerOf,
  connectorById,
  createConnector,
  type SignedIn,
} from '../support/connectors.js';
import { withClient } from '../support/databases.js';
import { errorCodes, gql } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';

const UPDATE = `mutation($id: ID!, $input: UpdateConnectorInput!) { updateConnector(id: $id, input: $input) { ${CONNECTOR_FIELDS} } }`;
const META = {
  kind: 'META_WEBHOOK',
  settings: { channel: 'FACEBOOK' },
  secret: 'plain-app-secret-123',
};

describe('connectors: configuration through GraphQL', () => {
  // Feeds here point at loopback, which this api (private networks not allowed) never contacts.
  const suite = useSuite({ CONNECTOR_TICK_SECONDS: '3600' });
  let managerA: SignedIn;
  let viewerA: SignedIn;
  let ownerB: SignedIn;

  const fieldsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    (response.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map(
      (f) => f.field,
    );

  beforeAll(async () => {
    managerA = await callerOf(suite, 'aMANAGER', 'a');
    viewerA = await callerOf(suite, 'aVIEWER', 'a');
    ownerB = await callerOf(suite, 'bOwner', 'b');
  });

  it('shows a Meta verify token once, keeps the secret encrypted and the token hashed', async () => {
    const { connector, verifyToken } = await createConnector(suite, managerA, META);
    expect(verifyToken).toMatch(/^[\w-]{40,}$/);
    expect(connector).toMatchObject({
      kind: 'META_WEBHOOK',
      status: 'ACTIVE',
      hasSecret: true,
      webhookUrl: `/webhooks/meta/${suite.world.tenants.a}/${connector.id}`,
      settings: { channel: 'FACEBOOK', feedUrl: null },
    });
    const [row] = await withClient(suite.databaseUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
        `{${suite.world.tenants.a}}`,
      ]);
      const result = await db.query(
        'SELECT secret_ciphertext, verify_token_hash FROM connector WHERE id = $1',
        [connector.id],
      );
      await db.query('COMMIT');
      return result.rows;
    });
    expect(row.secret_ciphertext).toMatch(/^v1:/);
    expect(row.secret_ciphertext).not.toContain('plain-app-secret');
    expect(row.verify_token_hash).toEqual(
      createHash('sha256')
        .update(verifyToken ?? '')
        .digest(),
    );
    const listed = await connectorById(suite, viewerA, connector.id);
    expect(listed).toEqual({ ...connector });
  });

  it('names the offending fields of invalid settings and secrets', async () => {
    const attempt = (input: Record<string, unknown>) =>
      gql(suite.api.graphqlUrl, CREATE_CONNECTOR, { input: { name: 'bad', ...input } }, managerA);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'RSS', settings: { feedUrl: 'ftp://example.com/feed' } }, 'input.settings.feedUrl'],
      [
        { kind: 'RSS', settings: { feedUrl: 'https://example.com/feed', pollIntervalSeconds: 5 } },
        'input.settings.pollIntervalSeconds',
      ],
      [
        { kind: 'RSS', settings: { feedUrl: 'https://example.com/feed', channel: 'X' } },
        'input.settings.channel',
      ],
      [
        {
          kind: 'RSS',
          settings: { feedUrl: 'https://example.com/feed' },
          secret: 'no-secret-here',
        },
        'input.secret',
      ],
      [{ kind: 'META_WEBHOOK', settings: { channel: 'FACEBOOK' } }, 'input.secret'],
      [
        { kind: 'META_WEBHOOK', settings: { channel: 'BLOG' }, secret: 'long-enough' },
        'input.settings.channel',
      ],
      [
        { kind: 'MASTODON', settings: { baseUrl: 'https://mastodon.example', stream: 'HASHTAG' } },
        'input.settings.hashtag',
      ],
      [
        {
          kind: 'MASTODON',
          settings: { baseUrl: 'https://mastodon.example', hashtag: 'two words' },
        },
        'input.settings.hashtag',
      ],
    ];
    for (const [input, field] of cases) {
      const response = await attempt(input);
      expect(errorCodes(response), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(response)).toContain(field);
    }
  });

  it('updates, pauses and resumes a connector; refuses to drop a Meta app secret; answers a repeated name with CONFLICT', async () => {
    const { connector } = await createConnector(suite, managerA, {
      kind: 'RSS',
      settings: { feedUrl: 'http://127.0.0.1:9/a.xml', channel: 'NEWS' },
    });
    const update = (id: string, input: Record<string, unknown>) =>
      gql<{ updateConnector: ConnectorView }>(
        suite.api.graphqlUrl,
        UPDATE,
        { id, input },
        managerA,
      );
    const renamed = await update(connector.id, {
      name: 'Industry news',
      settings: { feedUrl: 'http://127.0.0.1:9/b.xml', pollIntervalSeconds: 3600, channel: 'NEWS' },
      paused: true,
    });
    expect(renamed.data?.updateConnector).toMatchObject({
      name: 'Industry news',
      status: 'PAUSED',
      settings: { feedUrl: 'http://127.0.0.1:9/b.xml', pollIntervalSeconds: 3600, channel: 'NEWS' },
    });
    const resumed = await update(connector.id, { paused: false });
    expect(resumed.data?.updateConnector).toMatchObject({
      status: 'ACTIVE',
      consecutiveFailures: 0,
    });

    const meta = await createConnector(suite, managerA, META);
    expect(fieldsOf(await update(meta.connector.id, { clearSecret: true }))).toEqual([
      'input.clearSecret',
    ]);
    const duplicate = await update(meta.connector.id, { name: 'Industry news' });
    expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
  });

  it('lets a viewer read but not configure', async () => {
    const { connector } = await createConnector(suite, managerA, META);
    expect(await connectorById(suite, viewerA, connector.id)).toBeDefined();
    const create = await gql(
      suite.api.graphqlUrl,
      CREATE_CONNECTOR,
      { input: { name: 'v', ...META } },
      viewerA,
    );
    expect(errorCodes(create)).toEqual(['FORBIDDEN']);
    const remove = await gql(
      suite.api.graphqlUrl,
      'mutation($id: ID!) { deleteConnector(id: $id) }',
      { id: connector.id },
      viewerA,
    );
    expect(errorCodes(remove)).toEqual(['FORBIDDEN']);
    expect(await connectorById(suite, viewerA, connector.id)).toBeDefined();
  });

  it('deletes a connector once', async () => {
    const { connector } = await createConnector(suite, managerA, META);
    const remove = () =>
      gql<{ deleteConnector: string }>(
        suite.api.graphqlUrl,
        'mutation($id: ID!) { deleteConnector(id: $id) }',
        { id: connector.id },
        managerA,
      );
    expect((await remove()).data?.deleteConnector).toBe(connector.id);
    expect(errorCodes(await remove())).toEqual(['NOT_FOUND']);
    expect(await connectorById(suite, viewerA, connector.id)).toBeUndefined();
  });

  it('keeps another tenant from listing or configuring the connector (positive control: its own tenant sees it)', async () => {
    const { connector } = await createConnector(suite, managerA, META);
    expect(await connectorById(suite, ownerB, connector.id)).toBeUndefined();
    for (const document of [
      'mutation($id: ID!) { updateConnector(id: $id, input: { paused: true }) { id } }',
      'mutation($id: ID!) { deleteConnector(id: $id) }',
      'mutation($id: ID!) { pollConnectorNow(id: $id) { id } }',
    ]) {
      const response = await gql(suite.api.graphqlUrl, document, { id: connector.id }, ownerB);
      expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    }
    expect(await connectorById(suite, viewerA, connector.id)).toMatchObject({ status: 'ACTIVE' });
  });

  it.each([
    'http://127.0.0.1:9/internal.xml',
    'http://localhost:9/internal.xml',
    'http://198.18.0.1:9/benchmarking.xml',
    'http://192.0.2.1/documentation.xml',
    'http://[64:ff9b::7f00:1]:9/nat64.xml',
    'http://[::ffff:10.0.0.1]/mapped.xml',
  ])(
    'refuses to fetch a feed that is not on a global address (SSRF) and says so: %s',
    async (feedUrl) => {
      const { connector } = await createConnector(suite, managerA, {
        kind: 'RSS',
        settings: { feedUrl },
      });
      const polled = await gql<{ pollConnectorNow: ConnectorView }>(
        suite.api.graphqlUrl,
        `mutation($id: ID!) { pollConnectorNow(id: $id) { ${CONNECTOR_FIELDS} } }`,
        { id: connector.id },
        managerA,
      );
      expect(polled.data?.pollConnectorNow).toMatchObject({
        status: 'FAILING',
        lastError: 'ADDRESS_NOT_ALLOWED',
      });
    },
  );
});
