import { newId } from '@socialcrm/api/new-id';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DataExportView,
  downloadExport,
  runExport,
  START_DATA_EXPORT,
} from '../support/data-exports.js';
import { withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const BOM = '\uFEFF';
const AT = '2026-01-05T10:00:00Z';
const CONTACT_HEADERS = [
  'id',
  'externalId',
  'displayName',
  'firstName',
  'lastName',
  'emails',
  'phones',
  'language',
  'country',
  'city',
  'tags',
  'ownerId',
  'lifecycleStage',
  'emailConsent',
  'emailConsentAt',
  'socialConsent',
  'socialConsentAt',
  'identities',
  'companies',
  'createdAt',
  'updatedAt',
  'custom.motto',
  'custom.score',
];

/** Runs `work` as the database owner inside tenant `tenantId`'s row policies, committed. */
async function asOwner<T>(
  databaseUrl: string,
  tenantId: string,
  work: (db: pg.Client) => Promise<T>,
): Promise<T> {
  return withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    const result = await work(db);
    await db.query('COMMIT');
    return result;
  });
}

describe('CSV export', () => {
  // The upkeep paused: these contacts are exported as written (Ann's order would move her
  // from lead to customer, and her row's stage and update time with it).
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '0' });
  const callers = new Map<string, Caller>();
  const as = (name: keyof World['users'], tenant: keyof World['tenants'] = 'a'): Caller => {
    const caller = callers.get(`${name}/${tenant}`);
    if (!caller) throw new Error(`no session for ${name}`);
    return caller;
  };
  const ids = { ann: newId(), formula: newId(), at: newId(), plus: newId(), minus: newId() };

  beforeAll(async () => {
    const { api, world } = suite;
    const sessions: Array<[keyof World['users'], keyof World['tenants']]> = [
      ['aAGENT', 'a'],
      ['aVIEWER', 'a'],
      ['bOwner', 'b'],
      ['bOwner', 'a'],
    ];
    for (const [user, tenant] of sessions) {
      const { accessToken } = await signIn(api.graphqlUrl, world.users[user].email, PASSWORD);
      callers.set(`${user}/${tenant}`, { token: accessToken, tenantId: world.tenants[tenant] });
    }
    await asOwner(suite.databaseUrl, world.tenants.a, async (db) => {
      const tenant = world.tenants.a;
      await db.query(
        `INSERT INTO custom_field_definition (tenant_id, id, entity, key, label, type)
         VALUES ($1, $2, 'CONTACT', 'score', 'Score', 'NUMBER'), ($1, $3, 'CONTACT', 'motto', 'Motto', 'TEXT')`,
        [tenant, newId(), newId()],
      );
      const contact = (id: string, name: string, extra: Record<string, unknown> = {}) =>
        db.query(
          `INSERT INTO contact (tenant_id, id, display_name, first_name, emails, tags, custom_fields, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $8)`,
          [
            tenant,
            id,
            name,
            extra.firstName ?? null,
            extra.emails ?? [],
            extra.tags ?? [],
            JSON.stringify(extra.custom ?? {}),
            AT,
          ],
        );
      await contact(ids.ann, 'Ann Smith', {
        firstName: 'Ann',
        emails: ['ann@example.com'],
        tags: ['vip', 'es'],
        custom: { score: '12.5', motto: '=cmd|calc' },
      });
      await contact(ids.formula, '=HYPERLINK("http://evil.example")', { tags: ['-x'] });
      await contact(ids.at, '@SUM(1+1)');
      await contact(ids.plus, '+1 Plus; "quoted"');
      await contact(ids.minus, '-minus, with a comma');
      await db.query(
        `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency, reporting_amount, item_count)
         VALUES ($1, $2, 'O-1', $3, $4, '-1234.5600', 'EUR', '1234.5600', 2)`,
        [tenant, newId(), ids.ann, AT],
      );
    });
  });

  const exportRows = (tenant: keyof World['tenants'] = 'a') =>
    withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        'SELECT count(*)::int AS count FROM data_export WHERE tenant_id = $1',
        [suite.world.tenants[tenant]],
      );
      return rows[0].count as number;
    });
  const fileOf = async (done: DataExportView) => {
    expect(done).toMatchObject({ state: 'SUCCEEDED', failure: null });
    const file = await downloadExport(suite.api.url, as('aAGENT'), done.id);
    expect(file.status).toBe(200);
    return file;
  };

  it('writes contacts for Spanish and Russian Excel: BOM, semicolons, decimal comma, ISO dates, formulas neutralised, custom fields as columns', async () => {
    for (const locale of ['es', 'ru']) {
      const done = await runExport(suite.api.graphqlUrl, as('aAGENT'), {
        entity: 'CONTACTS',
        locale,
      });
      expect(done).toMatchObject({ processedRows: 5, totalRows: 5, locale });
      const file = await fileOf(done);
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(file.headers.get('content-disposition')).toMatch(
        /^attachment; filename="contacts-\d{8}-\d{4}\.csv"$/,
      );
      expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = file.bytes.toString('utf8').split('\r\n');
      expect(lines[0]).toBe(BOM + CONTACT_HEADERS.join(';'));
      expect(lines.slice(1)).toEqual([
        `${ids.ann};;Ann Smith;Ann;;ann@example.com;;;;;vip, es;;lead;;;;;;;2026-01-05T10:00:00Z;2026-01-05T10:00:00Z;'=cmd|calc;12,5`,
        `${ids.formula};;"'=HYPERLINK(""http://evil.example"")";;;;;;;;'-x;;lead;;;;;;;2026-01-05T10:00:00Z;2026-01-05T10:00:00Z;;`,
        `${ids.at};;'@SUM(1+1);;;;;;;;;;lead;;;;;;;2026-01-05T10:00:00Z;2026-01-05T10:00:00Z;;`,
        `${ids.plus};;"'+1 Plus; ""quoted""";;;;;;;;;;lead;;;;;;;2026-01-05T10:00:00Z;2026-01-05T10:00:00Z;;`,
        `${ids.minus};;'-minus, with a comma;;;;;;;;;;lead;;;;;;;2026-01-05T10:00:00Z;2026-01-05T10:00:00Z;;`,
        '',
      ]);
      expect(file.bytes.length).toBe(done.byteSize);
    }
  });

  it('writes for English Excel with commas and a decimal point', async () => {
    const file = await fileOf(
      await runExport(suite.api.graphqlUrl, as('aAGENT'), { entity: 'CONTACTS', locale: 'en' }),
    );
    const lines = file.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe(BOM + CONTACT_HEADERS.join(','));
    expect(lines[1]).toBe(
      `${ids.ann},,Ann Smith,Ann,,ann@example.com,,,,,"vip, es",,lead,,,,,,,2026-01-05T10:00:00Z,2026-01-05T10:00:00Z,'=cmd|calc,12.5`,
    );
    expect(lines[5]).toBe(
      `${ids.minus},,"'-minus, with a comma",,,,,,,,,,lead,,,,,,,2026-01-05T10:00:00Z,2026-01-05T10:00:00Z,,`,
    );
  });

  it('writes orders with exact amounts in each language (a negative amount is a number, not a formula)', async () => {
    const lines = async (locale: string) => {
      const done = await runExport(suite.api.graphqlUrl, as('aAGENT'), {
        entity: 'ORDERS',
        locale,
      });
      return (await fileOf(done)).bytes.toString('utf8').split('\r\n');
    };
    const en = await lines('en');
    expect(en[0]).toBe(
      `${BOM}id,externalId,contactId,orderedAt,amount,currency,reportingAmount,itemCount,createdAt`,
    );
    expect(en[1]).toMatch(
      new RegExp(
        `^[0-9a-f-]{36},O-1,${ids.ann},2026-01-05T10:00:00Z,-1234\\.5600,EUR,1234\\.5600,2,`,
      ),
    );
    const es = await lines('es');
    expect(es[1]).toMatch(
      new RegExp(`^[0-9a-f-]{36};O-1;${ids.ann};2026-01-05T10:00:00Z;-1234,5600;EUR;1234,5600;2;`),
    );
  });

  it('exports exactly the contacts the list shows for the same search and filter', async () => {
    const listed = async (variables: Record<string, unknown>) => {
      const response = await gql<{ contacts: { edges: Array<{ node: { id: string } }> } }>(
        suite.api.graphqlUrl,
        `query ($search: String, $filter: ContactFilter) {
           contacts(first: 100, search: $search, filter: $filter) { edges { node { id } } } }`,
        variables,
        as('aAGENT'),
      );
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      return response.data.contacts.edges.map(({ node }) => node.id).sort();
    };
    const exported = async (variables: { search?: string; filter?: Record<string, unknown> }) => {
      const done = await runExport(suite.api.graphqlUrl, as('aAGENT'), {
        entity: 'CONTACTS',
        locale: 'en',
        search: variables.search,
        contactFilter: variables.filter,
      });
      const lines = (await fileOf(done)).bytes.toString('utf8').split('\r\n').slice(1, -1);
      expect(done.processedRows).toBe(lines.length);
      return lines.map((line) => line.slice(0, 36)).sort();
    };
    const cases = [
      [{ filter: { tags: ['vip'] } }, [ids.ann]],
      [{ search: 'MINUS' }, [ids.minus]],
      [{ filter: { custom: [{ key: 'score', equals: '12.5' }] } }, [ids.ann]],
      [{ search: 'a', filter: { lifecycleStages: ['lead'] } }, null],
    ] as const;
    for (const [selection, expected] of cases) {
      const rows = await exported(selection);
      expect(rows).toEqual(await listed(selection));
      if (expected) expect(rows).toEqual([...expected].sort());
    }
    const refused = await gql(
      suite.api.graphqlUrl,
      START_DATA_EXPORT,
      { input: { entity: 'CONTACTS', contactFilter: { custom: [{ key: 'nope', equals: '1' }] } } },
      as('aAGENT'),
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    const misplaced = await gql(
      suite.api.graphqlUrl,
      START_DATA_EXPORT,
      { input: { entity: 'ORDERS', contactFilter: { tags: ['vip'] } } },
      as('aAGENT'),
    );
    expect(misplaced.errors?.[0]?.extensions?.fields).toMatchObject([
      { field: 'input.contactFilter' },
    ]);
  });

  it('a viewer cannot start an export and writes nothing; a bad input names its field', async () => {
    const before = await exportRows();
    const refused = await gql(
      suite.api.graphqlUrl,
      START_DATA_EXPORT,
      { input: { entity: 'CONTACTS' } },
      as('aVIEWER'),
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const refusedField = async (input: Record<string, unknown>) => {
      const bad = await gql(suite.api.graphqlUrl, START_DATA_EXPORT, { input }, as('aAGENT'));
      expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
      const fields = (bad.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string }>;
      return fields.map(({ field }) => field);
    };
    expect(await refusedField({ entity: 'CONTACTS', locale: 'fr' })).toEqual(['input.locale']);
    expect(await refusedField({ entity: 'ORDERS', search: 'x' })).toEqual(['input.search']);
    expect(await exportRows()).toBe(before);
  });

  it("refuses tenant A's export to tenant B, in its own tenant and in A's", async () => {
    const done = await runExport(suite.api.graphqlUrl, as('aAGENT'), { entity: 'CONTACTS' });
    expect(done.state).toBe('SUCCEEDED');
    const inOwnTenant = await downloadExport(suite.api.url, as('bOwner', 'b'), done.id);
    expect(inOwnTenant.status).toBe(404);
    expect(inOwnTenant.bytes.toString()).not.toContain('Ann');
    const inA = await downloadExport(suite.api.url, as('bOwner', 'a'), done.id);
    expect(inA.status).toBe(403);
    const anonymous = await downloadExport(suite.api.url, {}, done.id);
    expect(anonymous.status).toBe(401);
    const listed = await gql<{ dataExports: { totalCount: number } }>(
      suite.api.graphqlUrl,
      '{ dataExports { totalCount } }',
      {},
      as('bOwner', 'b'),
    );
    expect(listed.data?.dataExports.totalCount).toBe(0);
  });

  it('streams a large export in bounded chunks, never the whole file at once, with its progress', async () => {
    const extra = 12_000;
    await asOwner(suite.databaseUrl, suite.world.tenants.a, (db) =>
      db.query(
        `INSERT INTO contact (tenant_id, id, display_name, emails)
         SELECT $1, gen_random_uuid(), 'Bulk ' || n, ARRAY['bulk' || n || '@example.com']
         FROM generate_series(1, $2::int) AS n`,
        [suite.world.tenants.a, extra],
      ),
    );
    const done = await runExport(suite.api.graphqlUrl, as('aAGENT'), {
      entity: 'CONTACTS',
      locale: 'en',
    });
    expect(done).toMatchObject({ processedRows: extra + 5, totalRows: extra + 5 });
    const chunks = await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS count, max(length(bytes))::int AS largest, sum(length(bytes))::int AS total
         FROM data_export_chunk WHERE export_id = $1`,
        [done.id],
      );
      return rows[0] as { count: number; largest: number; total: number };
    });
    // The header, then one chunk per 5,000 rows: no piece of the job held more.
    expect(chunks.count).toBe(1 + Math.ceil((extra + 5) / 5_000));
    expect(chunks.total).toBe(done.byteSize);
    expect(chunks.largest).toBeLessThan(done.byteSize / 2);
    const listed = await gql<{ dataExports: { edges: Array<{ node: DataExportView }> } }>(
      suite.api.graphqlUrl,
      '{ dataExports(first: 1) { edges { node { id processedRows state downloadPath } } } }',
      {},
      as('aVIEWER'),
    );
    expect(listed.data?.dataExports.edges[0]?.node).toEqual({
      id: done.id,
      processedRows: extra + 5,
      state: 'SUCCEEDED',
      downloadPath: `/api/exports/${done.id}/file`,
    });
    const file = await downloadExport(suite.api.url, as('aVIEWER'), done.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-length')).toBe(String(done.byteSize));
    const lines = file.bytes.toString('utf8').split('\r\n');
    expect(lines).toHaveLength(extra + 5 + 2);
    expect(new Set(lines.slice(1, -1).map((line) => line.slice(0, 36))).size).toBe(extra + 5);
  });
});
