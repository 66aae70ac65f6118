import { beforeAll, describe, expect, it } from 'vitest';
import {
  importFixture,
  readImport,
  runImport,
  START_DATA_IMPORT,
  uploadImport,
} from '../support/data-imports.js';
import { withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const ORDER_MAPPING = [
  { column: 'Order id', field: 'externalId' },
  { column: 'Customer id', field: 'contactExternalId' },
  { column: 'Customer email', field: 'contactEmail' },
  { column: 'Order date', field: 'orderedAt' },
  { column: 'Amount', field: 'amount' },
  { column: 'Currency', field: 'currency' },
  { column: 'Items', field: 'itemCount' },
];

/** What the bad rows of orders-with-errors.csv must each be refused for: line → column. */
const EXPECTED_ERRORS = [
  { line: 3, column: 'Amount' },
  { line: 4, column: 'Customer email' },
  { line: 5, column: 'Order date' },
  { line: 6, column: 'Order id' },
  { line: 7, column: 'Currency' },
  { line: 8, column: null },
  { line: 9, column: 'Items' },
];

describe('CSV import', () => {
  // A 1 MiB limit, so that a file over it is quick to send.
  const suite = useSuite({ IMPORT_MAX_BYTES: String(1024 * 1024) });
  const callers = new Map<string, Caller>();
  const as = (name: keyof World['users'], tenant: keyof World['tenants'] = 'a'): Caller => {
    const caller = callers.get(`${name}/${tenant}`);
    if (!caller) throw new Error(`no session for ${name}`);
    return caller;
  };

  beforeAll(async () => {
    const { api, world } = suite;
    const sessions: Array<[keyof World['users'], keyof World['tenants']]> = [
      ['aAGENT', 'a'],
      ['aVIEWER', 'a'],
      ['aOWNER', 'a'],
      ['bOwner', 'b'],
      ['bOwner', 'a'],
    ];
    for (const [user, tenant] of sessions) {
      const { accessToken } = await signIn(api.graphqlUrl, world.users[user].email, PASSWORD);
      callers.set(`${user}/${tenant}`, { token: accessToken, tenantId: world.tenants[tenant] });
    }
  });

  const upload = (name: string, caller = as('aAGENT'), entity = 'ORDERS') =>
    uploadImport(suite.api.url, caller, entity, name, importFixture(name));
  const uploaded = async (name: string) => {
    const { id, status, error } = await upload(name);
    if (status !== 201 || !id) throw new Error(`upload of ${name}: ${status} ${error?.message}`);
    return id;
  };
  const orderTotals = (tenant: keyof World['tenants'] = 'a') =>
    withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS orders, coalesce(sum(amount), 0)::text AS amount,
                (SELECT count(*)::int FROM contact WHERE tenant_id = $1) AS contacts,
                (SELECT count(*)::int FROM timeline_event WHERE tenant_id = $1 AND kind = 'ORDER') AS timeline
         FROM customer_order WHERE tenant_id = $1`,
        [suite.world.tenants[tenant]],
      );
      return rows[0] as { orders: number; amount: string; contacts: number; timeline: number };
    });

  it('detects the file on upload and suggests a mapping from the headers', async () => {
    const id = await uploaded('orders-with-errors.csv');
    const found = await readImport(suite.api.graphqlUrl, as('aAGENT'), id);
    expect(found).toMatchObject({
      state: 'UPLOADED',
      encoding: 'UTF-8',
      delimiter: ',',
      headers: [
        'Order id',
        'Customer id',
        'Customer email',
        'Order date',
        'Amount',
        'Currency',
        'Items',
        'Note',
      ],
      totalRows: 11,
    });
    expect(found.sampleRows[0]).toEqual([
      'A-1',
      'C-1',
      'ann@example.com',
      '2026-01-05',
      '19.99',
      'USD',
      '2',
      'first, with a comma',
    ]);
    expect(found.mapping).toEqual(ORDER_MAPPING.filter(({ column }) => column !== 'Items'));
  });

  it('refuses a mapping naming a column the file lacks, a field the entity lacks, or leaving a required field out', async () => {
    const id = await uploaded('orders-with-errors.csv');
    const response = await gql(
      suite.api.graphqlUrl,
      START_DATA_IMPORT,
      {
        id,
        input: {
          mapping: [
            { column: 'Order id', field: 'externalId' },
            { column: 'Nope', field: 'amount' },
            { column: 'Currency', field: 'favouriteColour' },
          ],
        },
      },
      as('aAGENT'),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = (response.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string }>;
    expect(fields.map(({ field }) => field)).toEqual([
      'input.mapping.1.column',
      'input.mapping.2.field',
      // Order date and Currency are required; Amount counts as mapped (from the missing column).
      'input.mapping',
      'input.mapping',
    ]);
    expect((await readImport(suite.api.graphqlUrl, as('aAGENT'), id)).state).toBe('UPLOADED');
  });

  it('a dry run reports every bad row and writes nothing; the real run imports the rest; a second file changes nothing', async () => {
    const before = await orderTotals();
    const id = await uploaded('orders-with-errors.csv');
    const dry = await runImport(suite.api.graphqlUrl, as('aAGENT'), id, {
      mapping: ORDER_MAPPING,
      dryRun: true,
    });
    expect(dry).toMatchObject({
      state: 'SUCCEEDED',
      dryRun: true,
      processedRows: 10,
      importedRows: 3,
      failedRows: 7,
    });
    expect(await orderTotals()).toEqual(before);

    const real = await runImport(suite.api.graphqlUrl, as('aAGENT'), id, {
      mapping: ORDER_MAPPING,
      saveMappingAs: 'Shop export',
    });
    expect(real).toMatchObject({
      state: 'SUCCEEDED',
      dryRun: false,
      totalRows: 10,
      processedRows: 10,
      importedRows: 3,
      failedRows: 7,
    });
    expect(real.warnings).toEqual(['Columns not imported (not mapped): Note']);
    // One error per bad row, naming its line and column, in file order.
    const errors = real.errors?.edges.map(({ node }) => node) ?? [];
    expect(errors.map(({ line, column }) => ({ line, column }))).toEqual(EXPECTED_ERRORS);
    expect(errors.map(({ rowNumber }) => rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(errors[3]?.message).toBe('"A-1" is already in the file, on line 2');
    expect(errors[4]?.message).toMatch(/JPY/);
    expect(errors[5]?.message).toMatch(/quot/);
    expect(dry.errors?.edges.map(({ node }) => node)).toEqual(errors);
    const after = await orderTotals();
    expect(after).toEqual({
      orders: before.orders + 3,
      amount: (Number(before.amount) + 19.99 + 100 + 1.1).toFixed(4),
      contacts: before.contacts + 3,
      timeline: before.timeline + 3,
    });

    // The same file again: the saved mapping is suggested, and nothing changes.
    const again = await uploaded('orders-with-errors.csv');
    const suggested = await readImport(suite.api.graphqlUrl, as('aAGENT'), again);
    expect(suggested.mapping).toEqual(ORDER_MAPPING);
    const second = await runImport(suite.api.graphqlUrl, as('aAGENT'), again, {
      mapping: suggested.mapping,
    });
    expect(second).toMatchObject({ state: 'SUCCEEDED', importedRows: 3, failedRows: 7 });
    expect(await orderTotals()).toEqual(after);
    const mappings = await gql<{ importMappings: Array<{ name: string; mapping: unknown }> }>(
      suite.api.graphqlUrl,
      '{ importMappings(entity: ORDERS) { name mapping { column field } } }',
      {},
      as('aVIEWER'),
    );
    expect(mappings.data?.importMappings).toEqual([
      { name: 'Shop export', mapping: ORDER_MAPPING },
    ]);

    // A run is not started twice.
    const rerun = await gql(
      suite.api.graphqlUrl,
      START_DATA_IMPORT,
      { id, input: { mapping: ORDER_MAPPING } },
      as('aAGENT'),
    );
    expect(errorCodes(rerun)).toEqual(['CONFLICT']);
  });

  it('ends FAILED at a quote never closed, naming its line and keeping the rows before', async () => {
    const before = await orderTotals();
    const id = await uploaded('orders-unclosed-quote.csv');
    const done = await runImport(suite.api.graphqlUrl, as('aAGENT'), id, {
      mapping: ORDER_MAPPING.filter(({ column }) => !['Customer email', 'Items'].includes(column)),
    });
    expect(done).toMatchObject({ state: 'FAILED', importedRows: 3, failedRows: 0 });
    expect(done.failure).toMatch(/^line 5: a quoted value opened here is never closed/);
    expect(done.errors?.edges.map(({ node }) => node.line)).toEqual([5]);
    expect((await orderTotals()).orders).toBe(before.orders + 3);
  });

  it('imports contacts: one error per bad row naming its column, the rest stored, a second run changes nothing', async () => {
    const mapping = [
      { column: 'External id', field: 'externalId' },
      { column: 'First name', field: 'firstName' },
      { column: 'Last name', field: 'lastName' },
      { column: 'Email', field: 'emails' },
      { column: 'Phone', field: 'phones' },
      { column: 'Country', field: 'country' },
      { column: 'Tags', field: 'tags' },
    ];
    const contactsOf = () =>
      withClient(suite.databaseUrl, async (db) => {
        const { rows } = await db.query(
          `SELECT external_id, first_name, last_name, emails, phones, country::text AS country, tags, updated_at
           FROM contact WHERE tenant_id = $1 AND external_id LIKE 'P-%' ORDER BY external_id`,
          [suite.world.tenants.a],
        );
        return rows;
      });
    const first = await upload('contacts-with-errors.csv', as('aAGENT'), 'CONTACTS');
    const found = await readImport(suite.api.graphqlUrl, as('aAGENT'), first.id ?? '');
    expect(found).toMatchObject({ encoding: 'UTF-8', delimiter: ';' });
    const done = await runImport(suite.api.graphqlUrl, as('aAGENT'), first.id ?? '', { mapping });
    expect(done).toMatchObject({ state: 'SUCCEEDED', importedRows: 3, failedRows: 5 });
    expect(done.warnings).toEqual(['Columns not imported (not mapped): Favourite colour']);
    expect(done.errors?.edges.map(({ node }) => [node.line, node.column])).toEqual([
      [3, 'Email'],
      [4, 'Phone'],
      [5, 'External id'],
      [6, 'Country'],
      [7, null],
    ]);
    const stored = await contactsOf();
    expect(stored.map(({ updated_at, ...contact }) => contact)).toEqual([
      {
        external_id: 'P-1',
        first_name: 'Ann',
        last_name: 'Lee',
        emails: ['ann@example.com'],
        phones: ['+34600111222'],
        country: 'ES',
        tags: ['vip'],
      },
      {
        external_id: 'P-6',
        first_name: 'Fay; Jr.',
        last_name: 'Ng\r\nSecond line',
        emails: ['fay@example.com'],
        phones: [],
        country: 'ES',
        tags: [],
      },
      {
        external_id: 'P-7',
        first_name: 'Gus',
        last_name: 'Hall',
        emails: ['gus@example.com'],
        phones: ['+442079460958'],
        country: 'GB',
        tags: [],
      },
    ]);
    const second = await upload('contacts-with-errors.csv', as('aAGENT'), 'CONTACTS');
    const again = await runImport(suite.api.graphqlUrl, as('aAGENT'), second.id ?? '', { mapping });
    expect(again).toMatchObject({ state: 'SUCCEEDED', importedRows: 3, failedRows: 5 });
    expect(await contactsOf()).toEqual(stored);
  });

  it('imports companies: a missing name and a repeated external id refused, the rest stored', async () => {
    const { id } = await upload('companies.csv', as('aAGENT'), 'COMPANIES');
    const found = await readImport(suite.api.graphqlUrl, as('aAGENT'), id ?? '');
    const mapping = found.mapping.filter(({ field }) => field !== 'size');
    expect(mapping).toEqual([
      { column: 'External id', field: 'externalId' },
      { column: 'Name', field: 'name' },
      { column: 'Web domain', field: 'domain' },
      { column: 'Industry', field: 'industry' },
    ]);
    const done = await runImport(suite.api.graphqlUrl, as('aAGENT'), id ?? '', { mapping });
    expect(done).toMatchObject({ state: 'SUCCEEDED', importedRows: 2, failedRows: 2 });
    expect(done.errors?.edges.map(({ node }) => [node.line, node.column])).toEqual([
      [3, 'Name'],
      [4, 'External id'],
    ]);
    const companies = await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        'SELECT external_id, name, domain, industry FROM company WHERE tenant_id = $1 ORDER BY external_id',
        [suite.world.tenants.a],
      );
      return rows;
    });
    expect(companies).toEqual([
      { external_id: 'CO-1', name: 'Acme', domain: 'acme.example', industry: 'Retail' },
      {
        external_id: 'CO-3',
        name: 'Bolt, Inc.',
        domain: 'bolt.example',
        industry: 'Tools "and" parts',
      },
    ]);
  });

  it('serves the error report as CSV that Excel reads as UTF-8', async () => {
    const id = await uploaded('orders-with-errors.csv');
    await runImport(suite.api.graphqlUrl, as('aAGENT'), id, {
      mapping: ORDER_MAPPING,
      dryRun: true,
    });
    const response = await fetch(`${suite.api.url}/api/imports/${id}/errors.csv`, {
      headers: {
        authorization: `Bearer ${as('aVIEWER').token}`,
        'x-tenant-id': suite.world.tenants.a,
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('row,line,column,field,message');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatch(/^2,3,Amount,amount,/);
  });

  it.each([
    [
      'orders-ru-windows-1251.csv',
      'windows-1251',
      ';',
      ['Иван Петров', 'Мария Сидорова', 'Пётр Щукин'],
      'Номер заказа',
    ],
    [
      'orders-es-windows-1252.csv',
      'windows-1252',
      ';',
      ['José Muñoz', 'María Peña', 'Íñigo Ibáñez'],
      'Pedido',
    ],
    ['orders-utf8-bom.csv', 'UTF-8', ',', ['Zoë Ångström', 'Łukasz, Jr.'], 'Order id'],
    ['orders-utf16le-bom.txt', 'UTF-16LE', '\t', ['田中 太郎', 'Сергей'], 'Order id'],
  ])('reads %s as %s, split at %j', async (name, encoding, delimiter, customers, firstHeader) => {
    const id = await uploaded(name);
    const found = await readImport(suite.api.graphqlUrl, as('aAGENT'), id);
    expect(found).toMatchObject({ encoding, delimiter });
    expect(found.headers[0]).toBe(firstHeader);
    const [order, customer, date, amount, currency, items] = found.headers;
    const done = await runImport(suite.api.graphqlUrl, as('aAGENT'), id, {
      mapping: [
        { column: order, field: 'externalId' },
        { column: customer, field: 'contactExternalId' },
        { column: date, field: 'orderedAt' },
        { column: amount, field: 'amount' },
        { column: currency, field: 'currency' },
        { column: items, field: 'itemCount' },
      ],
    });
    expect(done).toMatchObject({
      state: 'SUCCEEDED',
      importedRows: customers.length,
      failedRows: 0,
    });
    const stored = await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT c.external_id FROM customer_order o JOIN contact c ON c.tenant_id = o.tenant_id AND c.id = o.contact_id
         WHERE o.tenant_id = $1 AND o.external_id LIKE $2 ORDER BY o.external_id`,
        [suite.world.tenants.a, `${found.sampleRows[0]?.[0]?.slice(0, 2)}%`],
      );
      return rows.map((row) => row.external_id);
    });
    expect(stored).toEqual(customers);
  });

  it('imports email engagement events, one error per bad row', async () => {
    const { id, status } = await upload('engagement-events.csv', as('aAGENT'), 'ENGAGEMENT_EVENTS');
    expect(status).toBe(201);
    const found = await readImport(suite.api.graphqlUrl, as('aAGENT'), id ?? '');
    expect(found.mapping).toEqual([
      { column: 'Event id', field: 'externalId' },
      { column: 'Kind', field: 'kind' },
      { column: 'Customer email', field: 'contactEmail' },
      { column: 'Campaign', field: 'campaign' },
      { column: 'When', field: 'occurredAt' },
    ]);
    const done = await runImport(suite.api.graphqlUrl, as('aAGENT'), id ?? '', {
      mapping: found.mapping,
    });
    expect(done).toMatchObject({ state: 'SUCCEEDED', importedRows: 2, failedRows: 2 });
    expect(done.errors?.edges.map(({ node }) => [node.line, node.column])).toEqual([
      [4, 'Kind'],
      [5, 'When'],
    ]);
    const campaigns = await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        'SELECT kind, campaign FROM engagement_event WHERE tenant_id = $1 ORDER BY external_id',
        [suite.world.tenants.a],
      );
      return rows;
    });
    expect(campaigns).toEqual([
      { kind: 'SENT', campaign: 'Spring; sale' },
      { kind: 'OPENED', campaign: 'Spring; sale' },
    ]);
  });

  it('reads a file in the encoding chosen over the detected one', async () => {
    const id = await uploaded('orders-ru-windows-1251.csv');
    const koi8 = await gql<{ startDataImport: { id: string } }>(
      suite.api.graphqlUrl,
      START_DATA_IMPORT,
      {
        id,
        input: {
          mapping: [{ column: 'Номер заказа', field: 'externalId' }],
          encoding: 'KOI8-R',
          dryRun: true,
        },
      },
      as('aAGENT'),
    );
    // Read as KOI8-R the headers are other words: the Russian column is not in the file.
    expect(errorCodes(koi8)).toEqual(['BAD_USER_INPUT']);
    expect(koi8.errors?.[0]?.message).toMatch(/input\.mapping\.0\.column/);
  });

  it('refuses, per row and column, text that is not in the encoding chosen', async () => {
    const id = await uploaded('orders-es-windows-1252.csv');
    const done = await runImport(suite.api.graphqlUrl, as('aAGENT'), id, {
      mapping: [
        { column: 'Pedido', field: 'externalId' },
        { column: 'Cliente', field: 'contactExternalId' },
        { column: 'Fecha', field: 'orderedAt' },
        { column: 'Importe', field: 'amount' },
        { column: 'Moneda', field: 'currency' },
      ],
      encoding: 'UTF-8',
      dryRun: true,
    });
    expect(done).toMatchObject({ encoding: 'UTF-8', importedRows: 0, failedRows: 3 });
    expect(done.errors?.edges.map(({ node }) => [node.line, node.column, node.message])).toEqual(
      [2, 3, 4].map((line) => [
        line,
        'Cliente',
        "is not UTF-8 text: choose the file's encoding when starting the import",
      ]),
    );
  });

  it('a viewer can neither upload nor start an import, and writes nothing', async () => {
    const before = await orderTotals();
    const refused = await upload('orders-with-errors.csv', as('aVIEWER'));
    expect(refused).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
    const id = await uploaded('orders-utf8-bom.csv');
    const start = await gql(
      suite.api.graphqlUrl,
      START_DATA_IMPORT,
      { id, input: { mapping: ORDER_MAPPING.slice(0, 1) } },
      as('aVIEWER'),
    );
    expect(errorCodes(start)).toEqual(['FORBIDDEN']);
    expect((await readImport(suite.api.graphqlUrl, as('aVIEWER'), id)).state).toBe('UPLOADED');
    expect(await orderTotals()).toEqual(before);
    const anonymous = await upload('orders-with-errors.csv', {});
    expect(anonymous.status).toBe(401);
  });

  it('takes a file from a tenant API key of the AGENT role, not of the VIEWER role', async () => {
    const keyOf = async (role: string) => {
      const created = await gql<{ createApiKey: { secret: string } }>(
        suite.api.graphqlUrl,
        `mutation { createApiKey(input: { name: "import ${role}", role: ${role} }) { secret } }`,
        {},
        as('aOWNER'),
      );
      return { token: created.data?.createApiKey.secret ?? '' };
    };
    const byAgentKey = await upload('orders-utf8-bom.csv', await keyOf('AGENT'));
    expect(byAgentKey.status).toBe(201);
    expect((await readImport(suite.api.graphqlUrl, as('aVIEWER'), byAgentKey.id ?? '')).state).toBe(
      'UPLOADED',
    );
    const byViewerKey = await upload('orders-utf8-bom.csv', await keyOf('VIEWER'));
    expect(byViewerKey).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
  });

  it("tenant B reads none of A's imports, errors or mappings", async () => {
    const id = await uploaded('orders-with-errors.csv');
    await runImport(suite.api.graphqlUrl, as('aAGENT'), id, {
      mapping: ORDER_MAPPING,
      dryRun: true,
    });
    const read = await gql(
      suite.api.graphqlUrl,
      'query ($id: ID!) { dataImport(id: $id) { id } }',
      { id },
      as('bOwner', 'b'),
    );
    expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    const list = await gql<{ dataImports: { totalCount: number } }>(
      suite.api.graphqlUrl,
      '{ dataImports(first: 10) { totalCount } }',
      {},
      as('bOwner', 'b'),
    );
    expect(list.data?.dataImports.totalCount).toBe(0);
    const mappings = await gql<{ importMappings: unknown[] }>(
      suite.api.graphqlUrl,
      '{ importMappings(entity: ORDERS) { id } }',
      {},
      as('bOwner', 'b'),
    );
    expect(mappings.data?.importMappings).toEqual([]);
    const start = await gql(
      suite.api.graphqlUrl,
      START_DATA_IMPORT,
      { id, input: { mapping: ORDER_MAPPING } },
      as('bOwner', 'b'),
    );
    expect(errorCodes(start)).toEqual(['NOT_FOUND']);
    for (const caller of [as('bOwner', 'b'), as('bOwner', 'a')]) {
      const report = await fetch(`${suite.api.url}/api/imports/${id}/errors.csv`, {
        headers: { authorization: `Bearer ${caller.token}`, 'x-tenant-id': caller.tenantId ?? '' },
      });
      expect([403, 404]).toContain(report.status);
      expect(await report.text()).not.toMatch(/Amount/);
    }
  });

  it('refuses a file over the size limit while it streams in, and an empty one', async () => {
    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('a,b\n'));
        for (let i = 0; i < 40; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(97));
        controller.close();
      },
    });
    const tooLarge = await uploadImport(suite.api.url, as('aAGENT'), 'ORDERS', 'big.csv', big);
    expect(tooLarge.status).toBe(413);
    const empty = await uploadImport(suite.api.url, as('aAGENT'), 'ORDERS', 'empty.csv', '');
    expect(empty).toMatchObject({ status: 400, error: { code: 'BAD_USER_INPUT' } });
  });
});
