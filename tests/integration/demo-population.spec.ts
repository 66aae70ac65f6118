import { CONTACT_COUNT_CAP } from '@socialcrm/validation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { createTestDatabase, dropTestDatabase, withClient } from '../support/databases.js';
import { type Caller, gql, signIn } from '../support/graphql-client.js';

const DEMO_ADMIN = 'admin@lumen.example';
const DEMO_PASSWORD = 'Demo-pass-2026!';
const DAY_MS = 86_400_000;

interface TenantAccess {
  readonly tenant: { readonly id: string; readonly name: string };
}

// The README's start line seeds this on a fresh database: it must be a believable CRM.
describe('the demo population a newcomer starts with', () => {
  let serverUrl: string;
  let databaseUrl: string;
  let api: ApiProcess;
  let callers: Caller[];

  beforeAll(async () => {
    serverUrl = inject('postgresServerUrl');
    databaseUrl = await createTestDatabase(serverUrl, inject('templateDatabase'));
    api = await startApi(
      databaseUrl,
      { SEED_DEMO_DATA: 'true', DEMO_TRICKLE_SECONDS: '0' },
      300_000,
    );
    const session = await signIn(api.graphqlUrl, DEMO_ADMIN, DEMO_PASSWORD);
    const me = await gql<{ me: { tenants: TenantAccess[] } }>(
      api.graphqlUrl,
      '{ me { tenants { tenant { id name } } } }',
      {},
      { token: session.accessToken },
    );
    callers = (me.data?.me.tenants ?? []).map(({ tenant }) => ({
      token: session.accessToken,
      tenantId: tenant.id,
    }));
  }, 360_000);

  afterAll(async () => {
    await api?.stop();
    if (databaseUrl) await dropTestDatabase(serverUrl, databaseUrl);
  });

  it('gives each demo brand a few thousand contacts, with their orders and email engagement', async () => {
    expect(callers).toHaveLength(2);
    for (const caller of callers) {
      const totals = await gql<{
        contacts: { totalCount: number };
        orders: { totalCount: number };
        engagementEvents: { totalCount: number };
        companies: { totalCount: number };
      }>(
        api.graphqlUrl,
        `{ contacts(first: 1) { totalCount } orders(first: 1) { totalCount }
           engagementEvents(first: 1) { totalCount } companies(first: 1) { totalCount } }`,
        {},
        caller,
      );
      expect(totals.errors).toBeUndefined();
      // The list counts exactly up to its cap and answers one more past it.
      expect(totals.data?.contacts.totalCount).toBe(CONTACT_COUNT_CAP + 1);
      expect(totals.data?.orders.totalCount).toBeGreaterThan(4_000);
      expect(totals.data?.engagementEvents.totalCount).toBeGreaterThan(10_000);
      expect(totals.data?.companies.totalCount).toBeGreaterThanOrEqual(50);
    }
  });

  it('spreads purchases and engagement over two years, in every kind, with valid details', async () => {
    await withClient(databaseUrl, async (db) => {
      const { rows: contacts } = await db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM contact GROUP BY tenant_id',
      );
      expect(contacts.map((row) => row.count >= 2_500)).toEqual([true, true]);
      const { rows: spans } = await db.query<{ days: number; kinds: string[] }>(
        `SELECT extract(epoch FROM max(ordered_at) - min(ordered_at)) / 86400 AS days,
                (SELECT array_agg(DISTINCT kind ORDER BY kind) FROM engagement_event) AS kinds
         FROM customer_order`,
      );
      expect(Number(spans[0]?.days)).toBeGreaterThan(600);
      expect(spans[0]?.kinds).toEqual(['BOUNCED', 'CLICKED', 'OPENED', 'SENT', 'UNSUBSCRIBED']);
      const { rows: details } = await db.query<{ bad_phones: number; repeated_emails: number }>(
        `SELECT (SELECT count(*) FROM contact, unnest(phones) AS phone
                 WHERE phone !~ '^\\+[1-9][0-9]{7,14}$')::int AS bad_phones,
                (SELECT count(*) - count(DISTINCT (tenant_id, email)) FROM contact, unnest(emails) AS email)::int
                  AS repeated_emails`,
      );
      expect(details[0]).toEqual({ bad_phones: 0, repeated_emails: 0 });
    });
    const recent = Date.now() - 45 * DAY_MS;
    const latest = await gql<{ orders: { edges: Array<{ node: { orderedAt: string } }> } }>(
      api.graphqlUrl,
      '{ orders(first: 1) { edges { node { orderedAt } } } }',
      {},
      callers[0],
    );
    expect(Date.parse(latest.data?.orders.edges[0]?.node.orderedAt ?? '')).toBeGreaterThan(recent);
  });

  it('makes some mention authors customers, so one timeline shows both worlds', async () => {
    const [authorContact] = await withClient(databaseUrl, async (db) => {
      const { rows } = await db.query<{ tenant_id: string; contact_id: string }>(
        `SELECT tenant_id, contact_id FROM timeline_event GROUP BY 1, 2
         HAVING bool_or(kind = 'MENTION') AND bool_or(kind = 'ORDER') LIMIT 1`,
      );
      return rows;
    });
    expect(authorContact).toBeDefined();
    const caller = callers.find((one) => one.tenantId === authorContact?.tenant_id);
    const timeline = await gql<{
      contactTimeline: { edges: Array<{ node: { kind: string; cause: string } }> };
    }>(
      api.graphqlUrl,
      'query($id: ID!) { contactTimeline(contactId: $id, first: 100) { edges { node { kind cause } } } }',
      { id: authorContact?.contact_id },
      caller,
    );
    const kinds = new Set(timeline.data?.contactTimeline.edges.map(({ node }) => node.kind));
    expect(kinds.has('MENTION') && kinds.has('ORDER')).toBe(true);
  });
});
