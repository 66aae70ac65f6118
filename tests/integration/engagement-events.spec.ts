import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { postNdjson } from '../support/ndjson.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const RECORD_EVENT = `mutation($input: EngagementEventInput!) {
  recordEngagementEvent(input: $input) { id externalId contactId kind campaign url occurredAt }
}`;
const TIMELINE = `query($id: ID!) {
  contactTimeline(contactId: $id) { edges { node { kind channel cause subjectId body occurredAt } } }
}`;
const EVENTS_PATH = { path: '/api/ingest/engagement-events' };

interface EngagementEvent {
  id: string;
  contactId: string;
  kind: string;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}-${Date.now()}`;

const anEvent = (overrides: Record<string, unknown> = {}) => ({
  externalId: unique('event'),
  kind: 'OPENED',
  contactExternalId: unique('subscriber'),
  campaign: 'Spring sale',
  occurredAt: '2026-03-01T09:00:00.000Z',
  ...overrides,
});

describe('email engagement events', () => {
  const suite = useSuite();
  let agent: Caller;
  let viewer: Caller;
  let agentKey: string;
  let bAgentKey: string;

  const record = (input: Record<string, unknown>, caller = agent) =>
    gql<{ recordEngagementEvent: EngagementEvent }>(
      suite.api.graphqlUrl,
      RECORD_EVENT,
      { input },
      caller,
    );
  const consentOf = (contactId: string) =>
    withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT email_consent AS granted, email_consent_at AS at, email_consent_source AS source
         FROM contact WHERE id = $1`,
        [contactId],
      );
      return rows[0];
    });

  beforeAll(async () => {
    const { api, world } = suite;
    const session = async (email: string, tenantId: string) => ({
      token: (await signIn(api.graphqlUrl, email, PASSWORD)).accessToken,
      tenantId,
    });
    const owner = await session(world.users.aOWNER.email, world.tenants.a);
    agent = await session(world.users.aAGENT.email, world.tenants.a);
    viewer = await session(world.users.aVIEWER.email, world.tenants.a);
    const bOwner = await session(world.users.bOwner.email, world.tenants.b);
    const key = async (caller: Caller) =>
      (
        await gql<{ createApiKey: { secret: string } }>(
          api.graphqlUrl,
          'mutation { createApiKey(input: { name: "email", role: AGENT }) { secret } }',
          {},
          caller,
        )
      ).data?.createApiKey.secret ?? '';
    agentKey = await key(owner);
    bAgentKey = await key(bOwner);
  });

  it('records an event once however often it is sent, as an EMAIL entry on the timeline', async () => {
    const input = anEvent({ kind: 'CLICKED', url: 'https://shop.example.com/spring' });
    const first = await record(input);
    const event = first.data?.recordEngagementEvent as EngagementEvent;
    expect(event).toMatchObject({
      externalId: input.externalId,
      kind: 'CLICKED',
      campaign: 'Spring sale',
      url: 'https://shop.example.com/spring',
      occurredAt: '2026-03-01T09:00:00.000Z',
    });
    expect((await record({ ...input, campaign: 'changed' })).data?.recordEngagementEvent).toEqual(
      first.data?.recordEngagementEvent,
    );
    const timeline = await gql<{ contactTimeline: { edges: Array<{ node: unknown }> } }>(
      suite.api.graphqlUrl,
      TIMELINE,
      { id: event.contactId },
      viewer,
    );
    expect(timeline.data?.contactTimeline.edges.map((edge) => edge.node)).toEqual([
      {
        kind: 'EMAIL_CLICKED',
        channel: 'EMAIL',
        cause: 'USER',
        subjectId: event.id,
        body: 'Spring sale',
        occurredAt: '2026-03-01T09:00:00.000Z',
      },
    ]);
    const listed = await gql<{ engagementEvents: { totalCount: number } }>(
      suite.api.graphqlUrl,
      'query($id: ID!) { engagementEvents(filter: { contactId: $id, kinds: [CLICKED, OPENED] }) { totalCount } }',
      { id: event.contactId },
      viewer,
    );
    expect(listed.data?.engagementEvents.totalCount).toBe(1);
  });

  it('withdraws the email consent on an unsubscribe, unless a later consent is recorded', async () => {
    const email = `${unique('reader')}@example.com`;
    const sent = await record(
      anEvent({ kind: 'SENT', contactExternalId: null, contactEmail: email }),
    );
    const contactId = sent.data?.recordEngagementEvent.contactId as string;
    await withClient(suite.databaseUrl, (db) =>
      db.query(
        `UPDATE contact SET email_consent = true, email_consent_at = '2026-01-01T00:00:00Z',
           email_consent_source = 'form' WHERE id = $1`,
        [contactId],
      ),
    );
    await record(
      anEvent({
        kind: 'UNSUBSCRIBED',
        contactExternalId: null,
        contactEmail: email,
        occurredAt: '2026-03-05T12:00:00.000Z',
      }),
    );
    expect(await consentOf(contactId)).toEqual({
      granted: false,
      at: new Date('2026-03-05T12:00:00.000Z'),
      source: 'unsubscribe',
    });
    // The contact opted in again later; an older unsubscribe delivered late changes nothing.
    await withClient(suite.databaseUrl, (db) =>
      db.query(
        `UPDATE contact SET email_consent = true, email_consent_at = '2026-04-01T00:00:00Z',
           email_consent_source = 'form' WHERE id = $1`,
        [contactId],
      ),
    );
    await record(
      anEvent({
        kind: 'UNSUBSCRIBED',
        contactId,
        contactExternalId: null,
        occurredAt: '2026-03-20T00:00:00.000Z',
      }),
    );
    expect(await consentOf(contactId)).toEqual({
      granted: true,
      at: new Date('2026-04-01T00:00:00.000Z'),
      source: 'form',
    });
  });

  it('takes events as NDJSON: lower-case kinds, bad lines alone, twice changes nothing', async () => {
    const subscriber = unique('bulk-subscriber');
    const lines = [
      JSON.stringify(anEvent({ kind: 'sent', contactExternalId: subscriber })),
      JSON.stringify(anEvent({ kind: 'opened', contactExternalId: subscriber })),
      JSON.stringify(anEvent({ kind: 'LIKED', url: 'not a url' })),
      JSON.stringify(anEvent({ kind: 'bounced', occurredAt: '2026-02-30' })),
      JSON.stringify(
        anEvent({ kind: 'unsubscribed', contactExternalId: subscriber, occurredAt: '20260310' }),
      ),
      // A NUL character (PostgreSQL refuses it in text) and a lone surrogate: cleaned, stored.
      JSON.stringify(anEvent({ campaign: 'Sale \u0000 \ud800', externalId: unique('odd\u0000') })),
      `{"padding":"${'x'.repeat(300_000)}"}`,
    ];
    const first = await postNdjson(suite.api.url, agentKey, lines, EVENTS_PATH);
    expect(first.status).toBe(200);
    expect(first.rows.slice(0, -1).map((row) => [row.line, row.outcome])).toEqual([
      [1, 'STORED'],
      [2, 'STORED'],
      [3, 'REJECTED'],
      [4, 'REJECTED'],
      [5, 'STORED'],
      [6, 'STORED'],
      [7, 'REJECTED'],
    ]);
    const fields = (index: number) =>
      ((first.rows[index]?.problems ?? []) as Array<{ field: string }>)
        .map((problem) => problem.field)
        .sort();
    expect(fields(2)).toEqual(['kind', 'url']);
    expect(fields(3)).toEqual(['occurredAt']);
    expect(first.rows[6]?.problems).toEqual([
      { field: 'line', message: 'is longer than 262144 bytes' },
    ]);
    const again = await postNdjson(suite.api.url, agentKey, lines, EVENTS_PATH);
    expect(again.rows.at(-1)).toEqual({ summary: { stored: 0, unchanged: 4, rejected: 3 } });

    const contactId = await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query('SELECT id FROM contact WHERE external_id = $1', [
        subscriber,
      ]);
      return rows[0]?.id as string;
    });
    const timeline = await gql<{ contactTimeline: { edges: Array<{ node: { kind: string } }> } }>(
      suite.api.graphqlUrl,
      TIMELINE,
      { id: contactId },
      viewer,
    );
    expect(timeline.data?.contactTimeline.edges.map((edge) => edge.node)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'EMAIL_SENT', cause: 'API_KEY' }),
        expect.objectContaining({ kind: 'EMAIL_OPENED', cause: 'API_KEY' }),
        expect.objectContaining({ kind: 'EMAIL_UNSUBSCRIBED', cause: 'API_KEY' }),
      ]),
    );
    expect(await consentOf(contactId)).toMatchObject({ granted: false, source: 'unsubscribe' });
  });

  it('lets a viewer write nothing, and a key of tenant B never writes into A', async () => {
    const before = await gql<{ engagementEvents: { totalCount: number } }>(
      suite.api.graphqlUrl,
      '{ engagementEvents { totalCount } }',
      {},
      viewer,
    );
    expect(errorCodes(await record(anEvent(), viewer))).toEqual(['FORBIDDEN']);
    const intruder = anEvent();
    const response = await postNdjson(suite.api.url, bAgentKey, [JSON.stringify(intruder)], {
      ...EVENTS_PATH,
      tenantId: suite.world.tenants.a,
    });
    expect([200, 403]).toContain(response.status);
    const after = await gql(
      suite.api.graphqlUrl,
      '{ engagementEvents { totalCount } }',
      {},
      viewer,
    );
    expect(after.data).toEqual(before.data);
    await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        'SELECT tenant_id AS "tenantId" FROM engagement_event WHERE external_id = $1',
        [intruder.externalId],
      );
      for (const row of rows) expect(row.tenantId).toBe(suite.world.tenants.b);
    });
  });
});
