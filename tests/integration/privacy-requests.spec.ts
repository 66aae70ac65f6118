import { newId } from '@socialcrm/api/new-id';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { runtimeUrl, withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const PERSONAL_DATA = 'mutation ($id: ID!) { contactPersonalData(contactId: $id) }';
const ERASE = `mutation ($id: ID!, $reason: String!) {
  eraseContact(contactId: $id, reason: $reason) { id kind contactId reason counts { table rows } }
}`;
const PRIVACY_REQUESTS = `{ privacyRequests(first: 10) { totalCount edges { node {
  kind contactId requestedBy reason counts { table rows } } } } }`;

/** Words of Eve's personal data: none may be left anywhere after her erasure. */
const EVE_WORDS = [
  'Eve Adams',
  'eve@example.com',
  'eve_x',
  'eve_ig',
  'Eve wrote this',
  'EVE-ORDER',
];

async function asOwner<T>(
  databaseUrl: string,
  tenantIds: string[],
  work: (db: pg.Client) => Promise<T>,
): Promise<T> {
  return withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantIds.join(',')}}`]);
    const result = await work(db);
    await db.query('COMMIT');
    return result;
  });
}

describe('privacy requests', () => {
  const suite = useSuite();
  const callers = new Map<string, Caller>();
  const as = (name: keyof World['users']): Caller => {
    const caller = callers.get(name);
    if (!caller) throw new Error(`no session for ${name}`);
    return caller;
  };
  const eve = newId();
  const bob = newId();
  const identities = { x: newId(), ig: newId() };
  const note = newId();

  beforeAll(async () => {
    const { api, world } = suite;
    for (const user of ['aVIEWER', 'aAGENT', 'aMANAGER', 'aOWNER'] as const) {
      const { accessToken } = await signIn(api.graphqlUrl, world.users[user].email, PASSWORD);
      callers.set(user, { token: accessToken, tenantId: world.tenants.a });
    }
    const { a, b } = world.tenants;
    await asOwner(suite.databaseUrl, [a, b], async (db) => {
      await db.query(
        `INSERT INTO contact (tenant_id, id, display_name, first_name, last_name, emails, phones, city)
         VALUES ($1, $2, 'Eve Adams', 'Eve', 'Adams', '{eve@example.com}', '{+34600000001}', 'Madrid'),
                ($1, $3, 'Bob Brown', 'Bob', 'Brown', '{bob@example.com}', '{}', 'Lima')`,
        [a, eve, bob],
      );
      await db.query(
        `INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle, display_name)
         VALUES ($1, $2, $4, 'x', 'eve_x', 'Eve'), ($1, $3, $4, 'instagram', 'eve_ig', 'Eve')`,
        [a, identities.x, identities.ig, eve],
      );
      const company = newId();
      await db.query(`INSERT INTO company (tenant_id, id, name) VALUES ($1, $2, 'Acme')`, [
        a,
        company,
      ]);
      await db.query(
        `INSERT INTO contact_company (tenant_id, contact_id, company_id, role) VALUES ($1, $2, $4, 'CEO'), ($1, $3, $4, 'CTO')`,
        [a, eve, bob, company],
      );
      const mentions = [newId(), newId(), newId()];
      await db.query(
        `INSERT INTO mention (tenant_id, id, channel, external_id, url, body, author_identity_id, brand_ids, language,
                              sentiment_score, sentiment_label, reach, published_at)
         SELECT $1, m.id, 'x', 'post-' || m.n, 'https://x.example/' || CASE WHEN m.author IS NULL THEN 'someone' ELSE 'eve_x' END || '/' || m.n, m.body, m.author, ARRAY[$2::uuid],
                'en', 0.8, 'POSITIVE', 100, now()
         FROM unnest($3::uuid[], $4::int[], $5::text[], $6::uuid[]) AS m(id, n, body, author)`,
        [
          a,
          world.brands.a,
          mentions,
          [1, 2, 3],
          ['Eve wrote this about Brand A', 'Eve wrote this too', 'Someone else on Brand A'],
          [identities.x, identities.ig, null],
        ],
      );
      await db.query(
        `INSERT INTO timeline_event (tenant_id, id, contact_id, kind, channel, mention_id, body, occurred_at, cause)
         VALUES ($1, $2, $3, 'NOTE', NULL, NULL, 'Eve prefers email', now(), 'USER'),
                ($1, $4, $3, 'MENTION', 'x', $5, 'Eve wrote this about Brand A', now(), 'CONNECTOR'),
                ($1, $6, $7, 'NOTE', NULL, NULL, 'Bob note', now(), 'USER')`,
        [a, note, eve, newId(), mentions[0], newId(), bob],
      );
      await db.query(
        `INSERT INTO timeline_note_version (tenant_id, event_id, version, body, written_at)
         VALUES ($1, $2, 1, 'Eve likes calls', now())`,
        [a, note],
      );
      const orders = [newId(), newId(), newId(), newId()];
      await db.query(
        `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency, reporting_amount, item_count)
         VALUES ($1, $3, 'EVE-ORDER-1', $7, now(), '19.9900', 'EUR', '21.5000', 2),
                ($1, $4, 'EVE-ORDER-2', $7, now(), '1234.5600', 'EUR', '1300.0100', 1),
                ($1, $5, 'BOB-ORDER-1', $8, now(), '5.0000', 'EUR', '5.5000', 1),
                ($2, $6, 'B-ORDER-1', NULL, now(), '7.0000', 'USD', '7.0000', 1)`,
        [a, b, ...orders, eve, bob],
      );
      await db.query(
        `INSERT INTO order_line (tenant_id, order_id, position, sku, name, quantity, unit_price)
         VALUES ($1, $2, 1, 'SKU-1', 'Mug', 1, '9.9900'), ($1, $2, 2, 'SKU-2', 'Tea', 1, '10.0000'),
                ($1, $3, 1, 'SKU-3', 'Kettle', 1, '1234.5600')`,
        [a, orders[0], orders[1]],
      );
      await db.query(
        `INSERT INTO engagement_event (tenant_id, id, external_id, contact_id, kind, campaign, occurred_at)
         VALUES ($1, $2, 'ev-1', $4, 'SENT', 'Spring', now()), ($1, $3, 'ev-2', $4, 'OPENED', 'Spring', now())`,
        [a, newId(), newId(), eve],
      );
    });
  });

  /** The tenants' figures that must survive an erasure: orders, revenue, events, mentions. */
  const figures = () =>
    asOwner(suite.databaseUrl, Object.values(suite.world.tenants), async (db) => {
      const { rows } = await db.query(
        `SELECT t.id,
           (SELECT count(*)::int FROM customer_order o WHERE o.tenant_id = t.id) AS orders,
           (SELECT coalesce(sum(reporting_amount), 0)::text FROM customer_order o WHERE o.tenant_id = t.id) AS revenue,
           (SELECT coalesce(sum(quantity * unit_price), 0)::text FROM order_line l WHERE l.tenant_id = t.id) AS lines,
           (SELECT count(*)::int FROM engagement_event e WHERE e.tenant_id = t.id) AS events,
           (SELECT count(*)::int || '/' || coalesce(sum(reach), 0) FROM mention m WHERE m.tenant_id = t.id) AS mentions
         FROM tenant t ORDER BY t.id`,
      );
      return rows;
    });

  it('hands a manager everything held about the contact, every table, as one JSON document, and logs it', async () => {
    const refused = await gql(suite.api.graphqlUrl, PERSONAL_DATA, { id: eve }, as('aAGENT'));
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const response = await gql<{ contactPersonalData: string }>(
      suite.api.graphqlUrl,
      PERSONAL_DATA,
      { id: eve },
      as('aMANAGER'),
    );
    const text = response.data?.contactPersonalData ?? '';
    // Exact decimals, as stored.
    expect(text).toContain('"amount": 1234.5600');
    const document = JSON.parse(text);
    expect(document).toMatchObject({
      format: 'socialcrm.personal-data/1',
      contact_id: eve,
      contact: { id: eve, display_name: 'Eve Adams', emails: ['eve@example.com'], city: 'Madrid' },
    });
    expect(document.contact.tenant_id).toBeUndefined();
    const handles = document.social_identity.map((row: { handle: string }) => row.handle);
    expect(handles.sort()).toEqual(['eve_ig', 'eve_x']);
    expect(document.contact_company).toMatchObject([{ company_name: 'Acme', role: 'CEO' }]);
    expect(document.timeline_event).toHaveLength(2);
    const noteEntry = document.timeline_event.find((row: { id: string }) => row.id === note);
    expect(noteEntry.note_versions).toMatchObject([{ version: 1, body: 'Eve likes calls' }]);
    expect(document.customer_order.map((row: { external_id: string }) => row.external_id)).toEqual(
      expect.arrayContaining(['EVE-ORDER-1', 'EVE-ORDER-2']),
    );
    const lines = document.customer_order.flatMap((row: { lines: unknown[] }) => row.lines);
    expect(lines).toHaveLength(3);
    expect(document.engagement_event).toHaveLength(2);
    expect(document.mention.map((row: { body: string }) => row.body).sort()).toEqual([
      'Eve wrote this about Brand A',
      'Eve wrote this too',
    ]);
    expect(text).not.toContain('Bob');
  });

  it('refuses an erasure to an agent and a viewer, and one without a reason; nothing changes', async () => {
    const before = await figures();
    for (const user of ['aVIEWER', 'aAGENT'] as const) {
      const refused = await gql(
        suite.api.graphqlUrl,
        ERASE,
        { id: eve, reason: 'asked' },
        as(user),
      );
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    }
    const noReason = await gql(
      suite.api.graphqlUrl,
      ERASE,
      { id: eve, reason: '  ' },
      as('aMANAGER'),
    );
    expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors?.[0]?.extensions?.fields).toMatchObject([{ field: 'reason' }]);
    expect(await figures()).toEqual(before);
    const still = await asOwner(
      suite.databaseUrl,
      [suite.world.tenants.a],
      async (db) =>
        (await db.query('SELECT count(*)::int AS n FROM contact WHERE id = $1', [eve])).rows[0].n,
    );
    expect(still).toBe(1);
  });

  it('erases the contact everywhere in one go, keeping every tenant’s figures identical', async () => {
    const before = await figures();
    const erased = await gql<{ eraseContact: Record<string, unknown> }>(
      suite.api.graphqlUrl,
      ERASE,
      { id: eve, reason: 'Art. 17 request by email, ticket 42' },
      as('aMANAGER'),
    );
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.eraseContact).toMatchObject({
      kind: 'ERASURE',
      contactId: eve,
      reason: 'Art. 17 request by email, ticket 42',
      counts: [
        { table: 'contact', rows: 1 },
        { table: 'contact_company', rows: 1 },
        { table: 'customer_order', rows: 2 },
        { table: 'engagement_event', rows: 2 },
        { table: 'mention', rows: 2 },
        { table: 'social_identity', rows: 2 },
        { table: 'timeline_event', rows: 2 },
        { table: 'timeline_note_version', rows: 1 },
      ],
    });
    expect(await figures()).toEqual(before);

    const left = await asOwner(suite.databaseUrl, [suite.world.tenants.a], async (db) => {
      const count = async (sql: string, params: unknown[] = [eve]) =>
        (await db.query(sql, params)).rows[0].n as number;
      return {
        contact: await count('SELECT count(*)::int AS n FROM contact WHERE id = $1'),
        identities: await count(
          'SELECT count(*)::int AS n FROM social_identity WHERE contact_id = $1 OR id = ANY($2)',
          [eve, Object.values(identities)],
        ),
        companyLinks: await count(
          'SELECT count(*)::int AS n FROM contact_company WHERE contact_id = $1',
        ),
        timeline: await count(
          'SELECT count(*)::int AS n FROM timeline_event WHERE contact_id = $1',
        ),
        noteVersions: await count(
          'SELECT count(*)::int AS n FROM timeline_note_version WHERE event_id = $1',
          [note],
        ),
        linkedOrders: await count(
          'SELECT count(*)::int AS n FROM customer_order WHERE contact_id = $1',
        ),
        linkedEvents: await count(
          'SELECT count(*)::int AS n FROM engagement_event WHERE contact_id = $1',
        ),
        authoredMentions: await count(
          'SELECT count(*)::int AS n FROM mention WHERE author_identity_id = ANY($1)',
          [Object.values(identities)],
        ),
        anonymousOrders: await count(
          `SELECT count(*)::int AS n FROM customer_order WHERE contact_id IS NULL AND external_id LIKE 'erased:%'`,
          [],
        ),
        orderLines: await count('SELECT count(*)::int AS n FROM order_line', []),
        blankMentions: await count(
          `SELECT count(*)::int AS n FROM mention WHERE body = '' AND url IS NULL AND author_identity_id IS NULL`,
          [],
        ),
        // Every text of every table the contact was in: no word of hers is left.
        words: await count(
          `SELECT count(*)::int AS n FROM (
             SELECT to_jsonb(c)::text AS t FROM contact c UNION ALL SELECT to_jsonb(i)::text FROM social_identity i
             UNION ALL SELECT to_jsonb(t)::text FROM timeline_event t UNION ALL SELECT to_jsonb(v)::text FROM timeline_note_version v
             UNION ALL SELECT to_jsonb(o)::text FROM customer_order o UNION ALL SELECT to_jsonb(l)::text FROM order_line l
             UNION ALL SELECT to_jsonb(e)::text FROM engagement_event e
             UNION ALL SELECT (to_jsonb(m) - 'search')::text || m.search::text FROM mention m
             UNION ALL SELECT to_jsonb(p)::text FROM privacy_request p
           ) AS everything WHERE t ~* $1`,
          [EVE_WORDS.join('|')],
        ),
        bob: await count(
          `SELECT count(*)::int AS n FROM contact c JOIN contact_company cc ON cc.contact_id = c.id
           JOIN timeline_event t ON t.contact_id = c.id JOIN customer_order o ON o.contact_id = c.id WHERE c.id = $1`,
          [bob],
        ),
      };
    });
    expect(left).toEqual({
      contact: 0,
      identities: 0,
      companyLinks: 0,
      timeline: 0,
      noteVersions: 0,
      linkedOrders: 0,
      linkedEvents: 0,
      authoredMentions: 0,
      anonymousOrders: 2,
      orderLines: 3,
      blankMentions: 2,
      words: 0,
      bob: 1,
    });

    const again = await gql(
      suite.api.graphqlUrl,
      ERASE,
      { id: eve, reason: 'again' },
      as('aMANAGER'),
    );
    expect(errorCodes(again)).toEqual(['NOT_FOUND']);
    const copy = await gql(suite.api.graphqlUrl, PERSONAL_DATA, { id: eve }, as('aMANAGER'));
    expect(errorCodes(copy)).toEqual(['NOT_FOUND']);
  });

  it('logs both requests, for the owner alone to read, in a log the api cannot change', async () => {
    for (const user of ['aVIEWER', 'aAGENT', 'aMANAGER'] as const) {
      const refused = await gql(suite.api.graphqlUrl, PRIVACY_REQUESTS, {}, as(user));
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    }
    const log = await gql<{
      privacyRequests: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> };
    }>(suite.api.graphqlUrl, PRIVACY_REQUESTS, {}, as('aOWNER'));
    expect(log.data?.privacyRequests.totalCount).toBe(2);
    const manager = suite.world.users.aMANAGER.id;
    expect(log.data?.privacyRequests.edges.map(({ node }) => node)).toMatchObject([
      { kind: 'ERASURE', contactId: eve, requestedBy: manager, reason: expect.any(String) },
      {
        kind: 'EXPORT',
        contactId: eve,
        requestedBy: manager,
        reason: null,
        counts: expect.arrayContaining([{ table: 'mention', rows: 2 }]),
      },
    ]);
    // As the api's own database role: appending is all it may do.
    await withClient(runtimeUrl(suite.databaseUrl), async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
        `{${suite.world.tenants.a}}`,
      ]);
      await expect(db.query(`UPDATE privacy_request SET reason = 'x'`)).rejects.toThrow(
        /permission denied/,
      );
      await db.query('ROLLBACK');
      await db.query('BEGIN');
      await expect(db.query('DELETE FROM privacy_request')).rejects.toThrow(/permission denied/);
      await db.query('ROLLBACK');
    });
  });
});
