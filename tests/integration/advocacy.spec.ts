import {
  buildInteractionGraph,
  influenceCentrality,
  influenceScore,
  referralChainValue,
} from '@socialcrm/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { settled, writeActivity } from '../support/customer-activity.js';
import { insertContacts } from '../support/customer-records.js';
import { readImport, runImport, uploadImport } from '../support/data-imports.js';
import { withClient } from '../support/databases.js';
import {
  type Caller,
  errorCodes,
  type GraphQLResponse,
  gql,
  signIn,
} from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const RECORD = `mutation($input: RecordReferralInput!) { recordReferral(input: $input) {
  id referrer { id displayName } referred { id displayName } source referredAt } }`;
const VALUE = `query($id: ID!) { referralValue(contactId: $id) {
  directReferrals directRevenue indirectRevenue totalRevenue depth levels { depth contacts revenue } } }`;
const RULE_FIELDS = 'amount qualifyOn revenuePercent capPerReferrer';
const UPDATE_RULE = `mutation($input: ReferralIncentiveRuleInput!) { updateReferralIncentiveRule(input: $input) { ${RULE_FIELDS} } }`;
const INCENTIVES =
  '{ referralIncentives { referrer { id } referrals qualifyingReferrals referredRevenue owed capped } }';

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).flatMap(
    (error) => (error.extensions?.fields as Array<{ field: string; message: string }>) ?? [],
  );

describe('advocacy: referrals, chain values, incentives and influence', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  const callers: Record<'owner' | 'agent' | 'viewer' | 'manager', Caller> = {
    owner: {},
    agent: {},
    viewer: {},
    manager: {},
  };
  const tenant = () => suite.world.tenants.a;
  const record = (input: Record<string, unknown>, caller = callers.agent) =>
    gql<{ recordReferral: { id: string; referrer: { id: string } } }>(
      suite.api.graphqlUrl,
      RECORD,
      { input },
      caller,
    );
  const contacts = (names: string[]) => insertContacts(suite.databaseUrl, tenant(), names);

  beforeAll(async () => {
    const session = async (email: string) => ({
      token: (await signIn(suite.api.graphqlUrl, email, PASSWORD)).accessToken,
      tenantId: tenant(),
    });
    callers.owner = await session(suite.world.users.aOWNER.email);
    callers.agent = await session(suite.world.users.aAGENT.email);
    callers.viewer = await session(suite.world.users.aVIEWER.email);
    callers.manager = await session(suite.world.users.aMANAGER.email);
  });

  it('records a referral and refuses self-referral, a second referrer, cycles and strangers by field', async () => {
    const [ann, bob, cat] = (await contacts(['Ann', 'Bob', 'Cat'])) as [string, string, string];
    const made = await record({ referrerId: ann, referredId: bob, source: 'spring code' });
    expect(made.errors).toBeUndefined();
    expect(made.data?.recordReferral).toMatchObject({
      referrer: { id: ann, displayName: 'Ann' },
      referred: { id: bob, displayName: 'Bob' },
      source: 'spring code',
    });
    const refusal = async (input: Record<string, unknown>, field: string, message: RegExp) => {
      const response = await record(input);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(response)).toEqual([
        expect.objectContaining({ field, message: expect.stringMatching(message) }),
      ]);
    };
    await refusal({ referrerId: cat, referredId: cat }, 'input.referredId', /referrer/);
    await refusal({ referrerId: cat, referredId: bob }, 'input.referredId', /already has/);
    await refusal({ referrerId: bob, referredId: ann }, 'input.referredId', /cycle/);
    await record({ referrerId: bob, referredId: cat });
    await refusal({ referrerId: cat, referredId: ann }, 'input.referredId', /cycle/);
    await refusal(
      { referrerId: '00000000-0000-7000-8000-000000000000', referredId: ann },
      'input.referrerId',
      /not a contact/,
    );
    const listed = await gql<{ referrals: { totalCount: number } }>(
      suite.api.graphqlUrl,
      'query($id: ID!) { referrals(contactId: $id) { totalCount edges { node { id } } } }',
      { id: bob },
      callers.viewer,
    );
    expect(listed.data?.referrals.totalCount).toBe(2);
  });

  it('values a chain directly and transitively exactly as the domain does, and ranks referrers', async () => {
    const ids = await contacts(['R', 'D1', 'D2', 'T1', 'T2', 'U1']);
    const [r, d1, d2, t1, t2, u1] = ids as [string, string, string, string, string, string];
    const edges = [
      [r, d1],
      [r, d2],
      [d1, t1],
      [d2, t2],
      [t1, u1],
    ] as const;
    for (const [referrerId, referredId] of edges) {
      expect((await record({ referrerId, referredId })).errors).toBeUndefined();
    }
    const spend = [
      { contactId: d1, daysAgo: 3, amount: 100 },
      { contactId: d1, daysAgo: 2, amount: 20.5 },
      { contactId: d2, daysAgo: 5, amount: 40 },
      { contactId: t1, daysAgo: 1, amount: 7.25 },
      { contactId: u1, daysAgo: 1, amount: 300 },
      { contactId: r, daysAgo: 1, amount: 1000 },
    ];
    await writeActivity(suite.databaseUrl, tenant(), Date.now(), spend, []);
    const revenue = new Map<string, number>();
    for (const order of spend)
      revenue.set(order.contactId, (revenue.get(order.contactId) ?? 0) + order.amount);
    const expected = referralChainValue(
      r,
      edges.map(([referrerId, referredId]) => ({ referrerId, referredId })),
      revenue,
    );
    const value = await gql<{ referralValue: Record<string, unknown> }>(
      suite.api.graphqlUrl,
      VALUE,
      { id: r },
      callers.viewer,
    );
    expect(value.data?.referralValue).toEqual({
      directReferrals: 2,
      directRevenue: expected.directRevenue,
      indirectRevenue: expected.indirectRevenue,
      totalRevenue: expected.totalRevenue,
      depth: 3,
      levels: expected.levels.map((l) => ({
        depth: l.depth,
        contacts: l.contacts.length,
        revenue: l.revenue,
      })),
    });
    expect(expected).toMatchObject({ directRevenue: 160.5, indirectRevenue: 307.25 });
    const board = await gql<{
      referralLeaderboard: Array<{ contact: { id: string }; totalRevenue: number }>;
    }>(
      suite.api.graphqlUrl,
      '{ referralLeaderboard(first: 3) { contact { id } totalRevenue } }',
      {},
      callers.viewer,
    );
    expect(board.data?.referralLeaderboard[0]).toEqual({
      contact: { id: r },
      totalRevenue: 467.75,
    });
  });

  it('owes incentives by the owner’s rule: per qualifying referral, a revenue share and a cap', async () => {
    const [p, q1, q2, q3] = (await contacts(['Payee', 'Q1', 'Q2', 'Q3'])) as [
      string,
      string,
      string,
      string,
    ];
    for (const referredId of [q1, q2, q3]) await record({ referrerId: p, referredId });
    await writeActivity(
      suite.databaseUrl,
      tenant(),
      Date.now(),
      [
        { contactId: q1, daysAgo: 1, amount: 200 },
        { contactId: q2, daysAgo: 1, amount: 50 },
      ],
      [],
    );
    const owedTo = async () =>
      (
        await gql<{ referralIncentives: Array<{ referrer: { id: string } }> }>(
          suite.api.graphqlUrl,
          INCENTIVES,
          {},
          callers.viewer,
        )
      ).data?.referralIncentives.find((row) => row.referrer.id === p);
    const setRule = (input: Record<string, unknown>, caller = callers.owner) =>
      gql(suite.api.graphqlUrl, UPDATE_RULE, { input }, caller);

    expect(
      (await setRule({ amount: 10, qualifyOn: 'FIRST_PURCHASE', revenuePercent: 5 })).errors,
    ).toBeUndefined();
    expect(await owedTo()).toMatchObject({
      referrals: 3,
      qualifyingReferrals: 2,
      referredRevenue: 250,
      owed: 2 * 10 + 12.5,
      capped: false,
    });
    await setRule({ amount: 10, qualifyOn: 'SIGNUP', revenuePercent: 0, capPerReferrer: 25 });
    expect(await owedTo()).toMatchObject({ qualifyingReferrals: 3, owed: 25, capped: true });

    const rule = await gql<{ referralIncentiveRule: unknown }>(
      suite.api.graphqlUrl,
      `{ referralIncentiveRule { ${RULE_FIELDS} } }`,
      {},
      callers.viewer,
    );
    expect(rule.data?.referralIncentiveRule).toEqual({
      amount: 10,
      qualifyOn: 'SIGNUP',
      revenuePercent: 0,
      capPerReferrer: 25,
    });
    const bad = await setRule({ amount: -1, qualifyOn: 'SIGNUP', revenuePercent: 101 });
    expect(
      fieldsOf(bad)
        .map((f) => f.field)
        .sort(),
    ).toEqual(['input.amount', 'input.revenuePercent']);
    expect(
      errorCodes(
        await setRule({ amount: 1, qualifyOn: 'SIGNUP', revenuePercent: 0 }, callers.manager),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('imports referrals from CSV by external id or email; a bad row never fails the batch', async () => {
    const [x, y, z, w, v] = await withClient(suite.databaseUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenant()}}`]);
      const { rows } = await db.query(
        `INSERT INTO contact (tenant_id, id, display_name, external_id, emails)
         SELECT $1, gen_random_uuid(), n, e, ARRAY[m] FROM unnest($2::text[], $3::text[], $4::text[]) AS v(n, e, m)
         RETURNING id`,
        [
          tenant(),
          ['X', 'Y', 'Z', 'W', 'V'],
          ['imp-x', 'imp-y', 'imp-z', 'imp-w', 'imp-v'],
          ['x@imp.test', 'y@imp.test', 'z@imp.test', 'w@imp.test', 'v@imp.test'],
        ],
      );
      await db.query('COMMIT');
      return rows.map((row: { id: string }) => row.id);
    });
    const csv = [
      'Referrer,Referred,Date,Source',
      'imp-x,imp-y,2026-01-05,fair',
      'x@imp.test,z@imp.test,,',
      'imp-y,imp-x,,', // would close a cycle
      'nobody,imp-w,,', // unknown referrer
      'imp-v,imp-v,,', // self
      'imp-x,imp-y,2026-01-05,fair', // repeats a row of the file
    ].join('\n');
    const upload = await uploadImport(
      suite.api.url,
      callers.agent,
      'REFERRALS',
      'referrals.csv',
      csv,
    );
    expect(upload.status).toBe(201);
    const done = await runImport(suite.api.graphqlUrl, callers.agent, upload.id ?? '', {
      mapping: [
        { column: 'Referrer', field: 'referrer' },
        { column: 'Referred', field: 'referred' },
        { column: 'Date', field: 'referredAt' },
        { column: 'Source', field: 'source' },
      ],
    });
    expect(done).toMatchObject({
      state: 'SUCCEEDED',
      totalRows: 6,
      importedRows: 2,
      failedRows: 4,
    });
    const problems = (
      await readImport(suite.api.graphqlUrl, callers.agent, upload.id ?? '')
    ).errors?.edges.map(({ node }) => [node.rowNumber, node.field, node.message]);
    expect(problems).toEqual([
      [3, 'referred', 'would close a referral cycle'],
      [4, 'referrer', 'names no contact'],
      [5, 'referred', 'must not be the referrer'],
      [6, 'referred', '"imp-y" is already in the file, on line 2'],
    ]);
    const stored = await withClient(
      suite.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT referrer_id, referred_id, source FROM referral WHERE referred_id = ANY ($1::uuid[]) ORDER BY source NULLS LAST`,
            [[x, y, z, w, v]],
          )
        ).rows,
    );
    expect(stored).toEqual([
      { referrer_id: x, referred_id: y, source: 'fair' },
      { referrer_id: x, referred_id: z, source: null },
    ]);
  });

  it('keeps each contact’s influence as the domain scores it and ranks influencers by it', async () => {
    const [big, small, fan] = (await contacts(['Big', 'Small', 'Fan'])) as [string, string, string];
    await withClient(suite.databaseUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenant()}}`]);
      await db.query(
        `INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle, followers)
         SELECT $1, gen_random_uuid(), c, 'mastodon', h, f FROM unnest($2::uuid[], $3::text[], $4::int[]) AS v(c, h, f)`,
        [tenant(), [big, small, fan], ['@big-inf', '@small-inf', '@fan-inf'], [250_000, 900, 40]],
      );
      await db.query('COMMIT');
    });
    await record({ referrerId: small, referredId: fan });
    await writeActivity(
      suite.databaseUrl,
      tenant(),
      Date.now(),
      [],
      [
        { contactId: small, daysAgo: 2, kind: 'CLICKED' },
        { contactId: small, daysAgo: 3, kind: 'OPENED' },
      ],
    );
    await settled(suite, callers.viewer);
    const { stored, graph } = await withClient(suite.databaseUrl, async (db) => ({
      stored: new Map(
        (
          await db.query(
            'SELECT contact_id, influence FROM contact_metrics WHERE contact_id = ANY ($1::uuid[])',
            [[big, small, fan]],
          )
        ).rows.map((row) => [row.contact_id, row.influence as number]),
      ),
      graph: (
        await db.query('SELECT referrer_id, referred_id FROM referral WHERE tenant_id = $1', [
          tenant(),
        ])
      ).rows,
    }));
    const centrality = influenceCentrality(
      buildInteractionGraph(
        graph.map((edge) => ({
          kind: 'referral' as const,
          from: edge.referrer_id,
          to: edge.referred_id,
        })),
      ),
    );
    const expected = (id: string, followers: number, interactions: number) =>
      influenceScore({
        audienceSize: followers,
        reach: 0,
        engagementRate: interactions / followers,
        centrality: centrality.get(id) ?? 0,
      }).score;
    expect(stored.get(big)).toBeCloseTo(expected(big, 250_000, 0), 9);
    expect(stored.get(small)).toBeCloseTo(expected(small, 900, 2), 9);
    expect(stored.get(fan)).toBeCloseTo(expected(fan, 40, 0), 9);

    const ranked = await gql<{
      influencers: Array<{ contact: { id: string }; influence: number }>;
    }>(
      suite.api.graphqlUrl,
      '{ influencers(first: 100) { contact { id } influence followers referrals } }',
      {},
      callers.viewer,
    );
    const order = (ranked.data?.influencers ?? []).map((row) => row.contact.id);
    const mine = order.filter((id) => [big, small, fan].includes(id));
    expect(mine).toEqual(
      [big, small, fan].sort((a, b) => (stored.get(b) ?? 0) - (stored.get(a) ?? 0)),
    );
    const advocates = await gql<{
      advocates: Array<{ contact: { id: string }; reasons: string[] }>;
    }>(
      suite.api.graphqlUrl,
      '{ advocates(first: 100) { contact { id } influence reasons referrals } }',
      {},
      callers.viewer,
    );
    expect(advocates.data?.advocates.find((a) => a.contact.id === small)?.reasons).toEqual([
      'referrals',
    ]);
  });

  it('lets viewers read but not record; agents record and delete', async () => {
    const [a, b] = (await contacts(['VA', 'VB'])) as [string, string];
    expect(errorCodes(await record({ referrerId: a, referredId: b }, callers.viewer))).toEqual([
      'FORBIDDEN',
    ]);
    const made = await record({ referrerId: a, referredId: b });
    const id = made.data?.recordReferral.id;
    const del = (caller: Caller) =>
      gql(suite.api.graphqlUrl, 'mutation($id: ID!) { deleteReferral(id: $id) }', { id }, caller);
    expect(errorCodes(await del(callers.viewer))).toEqual(['FORBIDDEN']);
    expect((await del(callers.agent)).data).toEqual({ deleteReferral: id });
    expect(errorCodes(await del(callers.agent))).toEqual(['NOT_FOUND']);
  });
});
