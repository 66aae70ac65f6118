import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/databases.js';
import {
  type Caller,
  errorCodes,
  type GraphQLResponse,
  gql,
  signIn,
} from '../support/graphql-client.js';
import { postNdjson } from '../support/ndjson.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const ORDER_FIELDS =
  'id externalId contactId orderedAt amount currency reportingAmount itemCount lines { sku name quantity unitPrice }';
const RECORD_ORDER = `mutation($input: OrderInput!) { recordOrder(input: $input) { ${ORDER_FIELDS} } }`;
const SET_RATE =
  'mutation($input: CurrencyRateInput!) { setCurrencyRate(input: $input) { currency date rate } }';
const CREATE_KEY =
  'mutation($role: TenantRole!) { createApiKey(input: { name: "orders", role: $role }) { secret } }';
const SPEND = 'query($id: ID!) { contact(id: $id) { orderCount totalSpent } }';
const ORDERS_PATH = { path: '/api/ingest/orders' };

interface Order {
  id: string;
  contactId: string;
  amount: string;
  currency: string;
  reportingAmount: string;
  itemCount: number;
  lines: Array<{ sku: string | null; name: string | null; quantity: number; unitPrice: string }>;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}-${Date.now()}`;

/** An order in USD for a new customer, unless told otherwise. */
const anOrder = (overrides: Record<string, unknown> = {}) => ({
  externalId: unique('order'),
  contactExternalId: unique('customer'),
  orderedAt: '2026-03-01T10:00:00Z',
  amount: '10.00',
  currency: 'USD',
  ...overrides,
});

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).flatMap(
    (error) => (error.extensions?.fields as Array<{ field: string; message: string }>) ?? [],
  );

describe('orders', () => {
  // The upkeep reads orders in the background; one test counts the scans of one list, so it waits.
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '0' });
  const callers: Record<'owner' | 'agent' | 'viewer' | 'bOwner' | 'a2Owner', Caller> = {
    owner: {},
    agent: {},
    viewer: {},
    bOwner: {},
    a2Owner: {},
  };
  let agentUserId: string;
  let agentKey: string;
  let viewerKey: string;
  let bAgentKey: string;

  const record = (input: Record<string, unknown>, caller = callers.agent) =>
    gql<{ recordOrder: Order }>(suite.api.graphqlUrl, RECORD_ORDER, { input }, caller);
  const spendOf = async (contactId: string) =>
    (
      await gql<{ contact: { orderCount: number; totalSpent: string } }>(
        suite.api.graphqlUrl,
        SPEND,
        { id: contactId },
        callers.viewer,
      )
    ).data?.contact;
  const orderCount = async (caller: Caller) =>
    (
      await gql<{ orders: { totalCount: number } }>(
        suite.api.graphqlUrl,
        '{ orders { totalCount } }',
        {},
        caller,
      )
    ).data?.orders.totalCount;

  beforeAll(async () => {
    const { api, world } = suite;
    const session = async (email: string, tenantId: string) => ({
      token: (await signIn(api.graphqlUrl, email, PASSWORD)).accessToken,
      tenantId,
    });
    callers.owner = await session(world.users.aOWNER.email, world.tenants.a);
    callers.agent = await session(world.users.aAGENT.email, world.tenants.a);
    callers.viewer = await session(world.users.aVIEWER.email, world.tenants.a);
    callers.bOwner = await session(world.users.bOwner.email, world.tenants.b);
    callers.a2Owner = await session(world.users.northAdmin.email, world.tenants.a2);
    agentUserId = world.users.aAGENT.id;
    const key = async (role: string, caller: Caller) =>
      (
        await gql<{ createApiKey: { secret: string } }>(
          api.graphqlUrl,
          CREATE_KEY,
          { role },
          caller,
        )
      ).data?.createApiKey.secret ?? '';
    agentKey = await key('AGENT', callers.owner);
    viewerKey = await key('VIEWER', callers.owner);
    bAgentKey = await key('AGENT', callers.bOwner);
  });

  it('records an order once however often it is sent, with its lines, on the contact’s timeline', async () => {
    const input = anOrder({
      amount: '13.5',
      itemCount: 99,
      lines: [
        { sku: 'MUG', name: 'Mug', quantity: 2, unitPrice: '4.50' },
        { sku: 'TEA', quantity: 3, unitPrice: '1.50' },
      ],
    });
    const first = await record(input);
    const order = first.data?.recordOrder as Order;
    expect(order).toMatchObject({
      amount: '13.5000',
      currency: 'USD',
      reportingAmount: '13.5000',
      itemCount: 5,
      lines: [
        { sku: 'MUG', name: 'Mug', quantity: 2, unitPrice: '4.5000' },
        { sku: 'TEA', name: null, quantity: 3, unitPrice: '1.5000' },
      ],
    });
    const again = await record({ ...input, amount: '99.00' });
    expect(again.data?.recordOrder).toEqual(order);
    const listed = await gql<{
      orders: { totalCount: number; edges: Array<{ node: { id: string } }> };
    }>(
      suite.api.graphqlUrl,
      'query($id: ID!) { orders(filter: { contactId: $id }) { totalCount edges { node { id } } } }',
      { id: order.contactId },
      callers.viewer,
    );
    expect(listed.data?.orders).toEqual({ totalCount: 1, edges: [{ node: { id: order.id } }] });
    const timeline = await gql<{
      contactTimeline: { edges: Array<{ node: Record<string, unknown> }> };
    }>(
      suite.api.graphqlUrl,
      'query($id: ID!) { contactTimeline(contactId: $id) { edges { node { kind cause actorId subjectId occurredAt } } } }',
      { id: order.contactId },
      callers.viewer,
    );
    expect(timeline.data?.contactTimeline.edges.map((edge) => edge.node)).toEqual([
      {
        kind: 'ORDER',
        cause: 'USER',
        actorId: agentUserId,
        subjectId: order.id,
        occurredAt: '2026-03-01T10:00:00.000Z',
      },
    ]);
  });

  it('counts items: given without lines, 1 by default', async () => {
    expect((await record(anOrder({ itemCount: 4 }))).data?.recordOrder.itemCount).toBe(4);
    expect((await record(anOrder())).data?.recordOrder).toMatchObject({ itemCount: 1, lines: [] });
  });

  it('keeps amounts exact: 0.1 + 0.2 is 0.3, and the largest amounts add up to the cent', async () => {
    const contactEmail = `${unique('buyer')}@example.com`;
    const tenth = await record(anOrder({ contactExternalId: null, contactEmail, amount: '0.1' }));
    const fifth = await record(
      anOrder({ contactExternalId: null, contactEmail: contactEmail.toUpperCase(), amount: '0.2' }),
    );
    const contactId = tenth.data?.recordOrder.contactId as string;
    expect(fifth.data?.recordOrder.contactId).toBe(contactId);
    expect(await spendOf(contactId)).toEqual({ orderCount: 2, totalSpent: '0.3000' });
    // A refund is an order with a negative amount.
    await record(anOrder({ contactExternalId: null, contactEmail, amount: '-0.3' }));
    expect(await spendOf(contactId)).toEqual({ orderCount: 3, totalSpent: '0.0000' });

    const whale = unique('whale');
    const big = await record(anOrder({ contactExternalId: whale, amount: '99999999999.9999' }));
    await record(anOrder({ contactExternalId: whale, amount: '0.0001' }));
    expect(await spendOf(big.data?.recordOrder.contactId as string)).toEqual({
      orderCount: 2,
      totalSpent: '100000000000.0000',
    });
  });

  it('refuses an amount that is not an exact decimal, naming the field', async () => {
    for (const amount of ['1.23456', '1e3', '+5', 'ten', '1,50']) {
      const response = await record(anOrder({ amount }));
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(response).map((problem) => problem.field)).toEqual(['input.amount']);
    }
    const bad = await record(anOrder({ currency: 'XYZ' }));
    expect(fieldsOf(bad).map((problem) => problem.field)).toEqual(['input.currency']);
  });

  it('converts another currency at the rate stored for the order’s day, and refuses it without one', async () => {
    const euro = anOrder({ currency: 'eur', amount: '0.10', orderedAt: '2026-03-02T23:30:00Z' });
    const refused = await record(euro);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(refused)).toEqual([
      {
        field: 'input.currency',
        message: expect.stringContaining('2026-03-02'),
      },
    ]);
    expect(refused.errors?.[0]?.message).toMatch(/currency.*USD.*2026-03-02.*EUR/);

    const rate = { currency: 'EUR', date: '2026-03-02', rate: '1.1' };
    expect(
      errorCodes(await gql(suite.api.graphqlUrl, SET_RATE, { input: rate }, callers.agent)),
    ).toEqual(['FORBIDDEN']);
    const stored = await gql(suite.api.graphqlUrl, SET_RATE, { input: rate }, callers.owner);
    expect(stored.data).toEqual({
      setCurrencyRate: { currency: 'EUR', date: '2026-03-02', rate: '1.100000000000' },
    });
    const converted = (await record(euro)).data?.recordOrder;
    expect(converted).toMatchObject({
      amount: '0.1000',
      currency: 'EUR',
      reportingAmount: '0.1100',
    });

    // A corrected rate converts that day's orders again; a rate in use cannot go.
    await gql(suite.api.graphqlUrl, SET_RATE, { input: { ...rate, rate: '1.2' } }, callers.owner);
    const reread = await gql<{ order: Order }>(
      suite.api.graphqlUrl,
      `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
      { id: converted?.id },
      callers.viewer,
    );
    expect(reread.data?.order.reportingAmount).toBe('0.1200');
    const tooLarge = await record({
      ...euro,
      externalId: unique('huge'),
      amount: '999999999999999',
    });
    expect(fieldsOf(tooLarge)).toEqual([
      { field: 'input.amount', message: 'is too large once converted to USD' },
    ]);
    const deleteRate = (date: string) =>
      gql(
        suite.api.graphqlUrl,
        'mutation($date: String!) { deleteCurrencyRate(currency: "EUR", date: $date) }',
        { date },
        callers.owner,
      );
    expect(errorCodes(await deleteRate('2026-03-02'))).toEqual(['CONFLICT']);
    await gql(
      suite.api.graphqlUrl,
      SET_RATE,
      { input: { ...rate, date: '2026-03-03' } },
      callers.owner,
    );
    expect((await deleteRate('2026-03-03')).data).toEqual({ deleteCurrencyRate: true });
    expect(errorCodes(await deleteRate('2026-03-03'))).toEqual(['NOT_FOUND']);

    const settings = await gql(
      suite.api.graphqlUrl,
      '{ currencySettings { reportingCurrency rates(first: 10) { totalCount edges { node { currency date rate } } } } }',
      {},
      callers.viewer,
    );
    expect(settings.data).toEqual({
      currencySettings: {
        reportingCurrency: 'USD',
        rates: {
          totalCount: 1,
          edges: [{ node: { currency: 'EUR', date: '2026-03-02', rate: '1.200000000000' } }],
        },
      },
    });
    // A rate of the reporting currency itself converts nothing (it prepares a change of it).
    await gql(
      suite.api.graphqlUrl,
      SET_RATE,
      { input: { currency: 'USD', date: '2026-03-01', rate: '2' } },
      callers.owner,
    );
    expect((await record(anOrder())).data?.recordOrder.reportingAmount).toBe('10.0000');
  });

  it('changes the reporting currency only when every order converts, converting them all', async () => {
    const a2 = callers.a2Owner;
    const dollars = (await record(anOrder({ amount: '10', orderedAt: '2026-04-01T12:00:00Z' }), a2))
      .data?.recordOrder as Order;
    await gql(
      suite.api.graphqlUrl,
      SET_RATE,
      { input: { currency: 'GBP', date: '2026-04-02', rate: '1.25' } },
      a2,
    );
    const pounds = (
      await record(anOrder({ amount: '8', currency: 'GBP', orderedAt: '2026-04-02T00:00:00Z' }), a2)
    ).data?.recordOrder as Order;
    expect(pounds.reportingAmount).toBe('10.0000');
    const switchTo = (currency: string, caller = a2) =>
      gql<{ setReportingCurrency: { reportingCurrency: string } }>(
        suite.api.graphqlUrl,
        'mutation($currency: String!) { setReportingCurrency(currency: $currency) { reportingCurrency } }',
        { currency },
        caller,
      );
    const refused = await switchTo('EUR');
    expect(fieldsOf(refused)).toEqual([
      {
        field: 'currency',
        message: expect.stringMatching(/USD rate to EUR .* 2026-04-01/),
        reason: 'MISSING_RATE',
      },
    ]);
    // The rates against the new currency first, then the switch.
    for (const input of [
      { currency: 'USD', date: '2026-04-01', rate: '0.9' },
      { currency: 'GBP', date: '2026-04-02', rate: '1.15' },
    ])
      await gql(suite.api.graphqlUrl, SET_RATE, { input }, a2);
    expect((await switchTo('eur')).data).toEqual({
      setReportingCurrency: { reportingCurrency: 'EUR' },
    });
    const amounts = await gql<{ orders: { edges: Array<{ node: Order }> } }>(
      suite.api.graphqlUrl,
      '{ orders { edges { node { id currency reportingAmount } } } }',
      {},
      a2,
    );
    expect(amounts.data?.orders.edges.map((edge) => edge.node)).toEqual([
      { id: pounds.id, currency: 'GBP', reportingAmount: '9.2000' },
      { id: dollars.id, currency: 'USD', reportingAmount: '9.0000' },
    ]);
    // A new order in the reporting currency needs no rate.
    expect(
      (
        await record(
          anOrder({ amount: '1', currency: 'EUR', orderedAt: '2026-05-01T12:00:00Z' }),
          a2,
        )
      ).data?.recordOrder.reportingAmount,
    ).toBe('1.0000');
  });

  it('takes orders as NDJSON with an API key: one result per line, bad lines alone, twice changes nothing', async () => {
    const customer = unique('ndjson-customer');
    const good = anOrder({ contactExternalId: customer, amount: '0.1' });
    const asNumber = anOrder({ contactExternalId: customer, amount: 0.2 });
    const withLines = anOrder({
      contactExternalId: customer,
      amount: '3',
      lines: [{ sku: 'X', quantity: 3, unitPrice: '1' }],
    });
    const lines = [
      JSON.stringify(good),
      JSON.stringify(asNumber),
      JSON.stringify(withLines),
      JSON.stringify(anOrder({ amount: 'abc', currency: 'XYZ', orderedAt: 'yesterday' })),
      '{not json',
      JSON.stringify(anOrder({ contactExternalId: null })),
      JSON.stringify(anOrder({ currency: 'JPY', orderedAt: '2027-01-01' })),
      JSON.stringify(good),
      JSON.stringify(anOrder({ amount: 1e21 })),
      '[1, 2]',
    ];
    const first = await postNdjson(suite.api.url, agentKey, lines, ORDERS_PATH);
    expect(first.status).toBe(200);
    const results = first.rows.slice(0, -1);
    expect(results.map((row) => [row.line, row.outcome])).toEqual([
      [1, 'STORED'],
      [2, 'STORED'],
      [3, 'STORED'],
      [4, 'REJECTED'],
      [5, 'REJECTED'],
      [6, 'REJECTED'],
      [7, 'REJECTED'],
      [8, 'UNCHANGED'],
      [9, 'REJECTED'],
      [10, 'REJECTED'],
    ]);
    const problemFields = (row: Record<string, unknown> | undefined) =>
      ((row?.problems ?? []) as Array<{ field: string }>).map((problem) => problem.field).sort();
    expect(problemFields(results[3])).toEqual(['amount', 'currency', 'orderedAt']);
    expect(problemFields(results[4])).toEqual(['line']);
    expect(problemFields(results[5])).toEqual(['contactExternalId']);
    expect(results[6]?.problems).toEqual([
      { field: 'currency', message: expect.stringContaining('2027-01-01') },
    ]);
    expect(results[7]?.id).toBe(results[0]?.id);
    expect(problemFields(results[8])).toEqual(['amount']);
    expect(first.rows.at(-1)).toEqual({ summary: { stored: 3, unchanged: 1, rejected: 6 } });

    const again = await postNdjson(suite.api.url, agentKey, lines, ORDERS_PATH);
    expect(again.rows.slice(0, 3).map((row) => [row.outcome, row.id])).toEqual(
      results.slice(0, 3).map((row) => ['UNCHANGED', row.id]),
    );
    expect(again.rows.at(-1)).toEqual({ summary: { stored: 0, unchanged: 4, rejected: 6 } });
    const order = await gql<{ order: Order }>(
      suite.api.graphqlUrl,
      `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
      { id: results[0]?.id },
      callers.viewer,
    );
    expect(await spendOf(order.data?.order.contactId as string)).toEqual({
      orderCount: 3,
      totalSpent: '3.3000',
    });
  });

  it('writes thousands of NDJSON lines over several batches exactly once, with the timeline', async () => {
    const customers = Array.from({ length: 50 }, () => unique('bulk-customer'));
    const lines = Array.from({ length: 2_500 }, (_, index) =>
      JSON.stringify(anOrder({ contactExternalId: customers[index % 50], amount: '0.01' })),
    );
    const first = await postNdjson(suite.api.url, agentKey, lines, ORDERS_PATH);
    expect(first.rows.at(-1)).toEqual({ summary: { stored: 2_500, unchanged: 0, rejected: 0 } });
    const again = await postNdjson(suite.api.url, agentKey, lines, ORDERS_PATH);
    expect(again.rows.at(-1)).toEqual({ summary: { stored: 0, unchanged: 2_500, rejected: 0 } });
    await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT count(DISTINCT c.id)::int AS contacts, count(o.id)::int AS orders, sum(o.amount)::text AS total,
                count(t.id)::int AS entries
         FROM contact c
         JOIN customer_order o ON o.tenant_id = c.tenant_id AND o.contact_id = c.id
         LEFT JOIN timeline_event t ON t.tenant_id = o.tenant_id AND t.subject_id = o.id
           AND t.kind = 'ORDER' AND t.cause = 'API_KEY'
         WHERE c.tenant_id = $1 AND c.external_id = ANY ($2::text[])`,
        [suite.world.tenants.a, customers],
      );
      expect(rows[0]).toEqual({ contacts: 50, orders: 2_500, total: '25.0000', entries: 2_500 });
    });
  });

  it('refuses a caller without a key or with a viewer key; a key of tenant B never writes into A', async () => {
    const line = [JSON.stringify(anOrder())];
    expect((await postNdjson(suite.api.url, null, line, ORDERS_PATH)).status).toBe(401);
    expect((await postNdjson(suite.api.url, viewerKey, line, ORDERS_PATH)).status).toBe(403);
    const before = await orderCount(callers.owner);
    const intruder = anOrder({ contactExternalId: 'intruder' });
    const response = await postNdjson(suite.api.url, bAgentKey, [JSON.stringify(intruder)], {
      ...ORDERS_PATH,
      tenantId: suite.world.tenants.a,
    });
    expect([200, 403]).toContain(response.status);
    expect(await orderCount(callers.owner)).toBe(before);
    await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query(
        'SELECT tenant_id AS "tenantId" FROM customer_order WHERE external_id = $1',
        [intruder.externalId],
      );
      for (const row of rows) expect(row.tenantId).toBe(suite.world.tenants.b);
    });
  });

  it('lets a viewer write nothing: no order, no rate, no reporting currency, no NDJSON', async () => {
    const readSettings = () =>
      gql(
        suite.api.graphqlUrl,
        '{ currencySettings { reportingCurrency rates { totalCount } } }',
        {},
        callers.viewer,
      );
    const before = { orders: await orderCount(callers.owner), settings: await readSettings() };
    const attempts = [
      gql(suite.api.graphqlUrl, RECORD_ORDER, { input: anOrder() }, callers.viewer),
      gql(
        suite.api.graphqlUrl,
        SET_RATE,
        { input: { currency: 'CHF', date: '2026-01-01', rate: '1' } },
        callers.viewer,
      ),
      gql(
        suite.api.graphqlUrl,
        'mutation { setReportingCurrency(currency: "CHF") { reportingCurrency } }',
        {},
        callers.viewer,
      ),
      gql(
        suite.api.graphqlUrl,
        'mutation { deleteCurrencyRate(currency: "EUR", date: "2026-03-02") }',
        {},
        callers.viewer,
      ),
    ];
    for (const response of await Promise.all(attempts))
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    const asUser = await postNdjson(
      suite.api.url,
      callers.viewer.token ?? null,
      [JSON.stringify(anOrder())],
      { ...ORDERS_PATH, tenantId: suite.world.tenants.a },
    );
    expect(asUser.status).toBe(403);
    expect(await orderCount(callers.owner)).toBe(before.orders);
    expect((await readSettings()).data).toEqual(before.settings.data);
  });

  it('counts and sums the orders of a whole list of contacts in one statement', {
    timeout: 60_000,
  }, async () => {
    const customers = Array.from({ length: 8 }, () => unique('listed'));
    for (const [index, contactExternalId] of customers.entries())
      await record(anOrder({ contactExternalId, amount: `${index}.25` }));
    const scans = () =>
      withClient(suite.databaseUrl, async (db) => {
        const { rows } = await db.query(
          `SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS scans
           FROM pg_stat_user_tables WHERE relname = 'customer_order'`,
        );
        return Number(rows[0]?.scans);
      });
    // An idle backend reports its table statistics within ten seconds (PostgreSQL's
    // PGSTAT_IDLE_INTERVAL): counted before and after, nothing else reads orders meanwhile.
    const settled = async () => {
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      return scans();
    };
    const before = await settled();
    const listed = await gql<{
      contacts: { edges: Array<{ node: { orderCount: number; totalSpent: string } }> };
    }>(
      suite.api.graphqlUrl,
      '{ contacts(first: 100) { edges { node { externalId orderCount totalSpent } } } }',
      {},
      callers.viewer,
    );
    const spent = new Map(
      (listed.data?.contacts.edges ?? []).map(({ node }) => [
        (node as { externalId?: string }).externalId,
        node,
      ]),
    );
    expect(customers.map((customer) => spent.get(customer))).toEqual(
      customers.map((externalId, index) => ({
        externalId,
        orderCount: 1,
        totalSpent: `${index}.2500`,
      })),
    );
    expect(await settled()).toBe(before + 1);
  });
});
