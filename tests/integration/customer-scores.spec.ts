import {
  customersHoldingRevenueShare,
  engagementMeasures,
  purchaseMeasures,
  rfmScores,
  rfmSegment,
  topCustomersRevenueShare,
} from '@socialcrm/domain';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  rescoreMention,
  settled,
  writeActivity,
  writeMentions,
} from '../support/customer-activity.js';
import { insertContacts } from '../support/customer-records.js';
import { withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const DAY = 86_400_000;
const RECOMPUTE = 'mutation { recomputeRfm { purchasesScored engagementScored scoredAt } }';
const GRID = `query($basis: RfmBasis!) { rfmGrid(basis: $basis) {
  scoredContacts scoredAt cells { recency frequency contacts revenue } } }`;
const PARETO =
  '{ revenuePareto { customers totalRevenue eightyPercentCustomers eightyPercentCustomerShare points { customerShare revenueShare } } }';

type Stored = Record<string, { r: number; f: number; m: number; segment: string } | undefined>;

/** The stored scores of one basis, by contact. */
async function storedScores(
  databaseUrl: string,
  basis: 'rfm' | 'engagement_rfm',
  tenantId: string,
): Promise<Stored> {
  return withClient(databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT contact_id, ${basis}_r AS r, ${basis}_f AS f, ${basis}_m AS m, ${basis}_segment AS segment
       FROM contact_metrics WHERE tenant_id = $1 AND ${basis}_r IS NOT NULL`,
      [tenantId],
    );
    return Object.fromEntries(
      rows.map((row) => [row.contact_id, { r: row.r, f: row.f, m: row.m, segment: row.segment }]),
    );
  });
}

/** What the domain scores for these activities, by contact. */
function domainScores(
  activities: readonly { id: string; at: Date; value: number }[],
  now: Date,
  measure: typeof purchaseMeasures | typeof engagementMeasures,
): Stored {
  const measures =
    measure === purchaseMeasures
      ? purchaseMeasures(
          activities.map((a) => ({ customerId: a.id, orderedAt: a.at, amount: a.value })),
          now,
        )
      : engagementMeasures(
          activities.map((a) => ({ contactId: a.id, occurredAt: a.at, estimatedValue: a.value })),
          now,
        );
  return Object.fromEntries(
    rfmScores(measures).map((score) => [
      score.id,
      { r: score.r, f: score.f, m: score.m, segment: rfmSegment(score) },
    ]),
  );
}

async function callerOf(
  suite: ReturnType<typeof useSuite>,
  user: 'aAGENT' | 'aVIEWER',
): Promise<Caller> {
  const { accessToken } = await signIn(
    suite.api.graphqlUrl,
    suite.world.users[user].email,
    PASSWORD,
  );
  return { token: accessToken, tenantId: suite.world.tenants.a };
}

describe('RFM scores, computed in PostgreSQL, equal the domain’s', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  let agent: Caller;
  let viewer: Caller;
  let contacts: string[] = [];
  let bContacts: string[] = [];
  const now = Date.now();
  const bOrders = [
    { daysAgo: 3, amount: 10 },
    { daysAgo: 30, amount: 500 },
    { daysAgo: 90, amount: 40 },
    { daysAgo: 200, amount: 5 },
  ];
  const orders = fc.sample(
    fc.record({
      contact: fc.nat(59),
      daysAgo: fc.integer({ min: 0, max: 400 }),
      amount: fc.integer({ min: -20, max: 500 }),
    }),
    { numRuns: 400, seed: 14 },
  );
  const events = fc.sample(
    fc.record({
      contact: fc.nat(59),
      daysAgo: fc.integer({ min: 0, max: 120 }),
      kind: fc.constantFrom('OPENED' as const, 'CLICKED' as const, 'SENT' as const),
    }),
    { numRuns: 300, seed: 15 },
  );
  const mentions = fc.sample(
    fc.record({
      contact: fc.nat(59),
      daysAgo: fc.integer({ min: 0, max: 120 }),
      sentiment: fc.integer({ min: -4, max: 4 }).map((quarter) => quarter / 4),
    }),
    { numRuns: 80, seed: 16 },
  );

  beforeAll(async () => {
    agent = await callerOf(suite, 'aAGENT');
    viewer = await callerOf(suite, 'aVIEWER');
    contacts = await insertContacts(
      suite.databaseUrl,
      suite.world.tenants.a,
      Array.from({ length: 70 }, (_, index) => `Customer ${index}`),
    );
    await writeActivity(
      suite.databaseUrl,
      suite.world.tenants.a,
      now,
      orders.map((o) => ({
        contactId: contacts[o.contact] as string,
        daysAgo: o.daysAgo,
        amount: o.amount,
      })),
      events.map((e) => ({
        contactId: contacts[e.contact] as string,
        daysAgo: e.daysAgo,
        kind: e.kind,
      })),
    );
    await writeMentions(
      suite.databaseUrl,
      suite.world.tenants.a,
      now,
      mentions.map((m) => ({ ...m, contactId: contacts[m.contact] as string })),
    );
    // Tenant B's customers: scored among themselves only, never in A's population.
    bContacts = await insertContacts(
      suite.databaseUrl,
      suite.world.tenants.b,
      bOrders.map((_, index) => `B customer ${index}`),
    );
    await writeActivity(
      suite.databaseUrl,
      suite.world.tenants.b,
      now,
      bOrders.map((o, index) => ({ contactId: bContacts[index] as string, ...o })),
      [],
    );
    await settled(suite, agent);
  }, 40_000);

  it('scores each tenant among its own contacts, by the upkeep’s job', async () => {
    const scoredB = () => storedScores(suite.databaseUrl, 'rfm', suite.world.tenants.b);
    await expect
      .poll(async () => Object.keys(await scoredB()).length, { timeout: 20_000 })
      .toBe(bOrders.length);
    const [scoredAt] = (
      await withClient(suite.databaseUrl, (db) =>
        db.query('SELECT scored_at FROM rfm_scoring WHERE tenant_id = $1', [suite.world.tenants.b]),
      )
    ).rows;
    expect(await scoredB()).toEqual(
      domainScores(
        bOrders.map((o, index) => ({
          id: bContacts[index] as string,
          at: new Date(now - o.daysAgo * DAY - 6 * 3_600_000),
          value: o.amount,
        })),
        scoredAt.scored_at,
        purchaseMeasures,
      ),
    );
  });

  it('keeps each contact’s metrics as its records say', async () => {
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY - 6 * 3_600_000).getTime();
    const { rows } = await withClient(suite.databaseUrl, (db) =>
      db.query(
        `SELECT contact_id, channels, followers, sentiment, last_interaction_at, order_count,
                revenue::float8 AS revenue, first_order_at, last_order_at
         FROM contact_metrics WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])`,
        [suite.world.tenants.a, contacts],
      ),
    );
    expect(rows).toHaveLength(contacts.length);
    const byContact = new Map(rows.map((row) => [row.contact_id as string, row]));
    const time = (value: Date | null) => value?.getTime() ?? null;
    contacts.forEach((id, index) => {
      const own = orders.filter((o) => o.contact === index).map((o) => at(o.daysAgo));
      const said = mentions.filter((m) => m.contact === index);
      const row = byContact.get(id);
      expect({
        channels: row?.channels,
        followers: row?.followers,
        orders: row?.order_count,
        revenue: row?.revenue,
        first: time(row?.first_order_at),
        last: time(row?.last_order_at),
        sentiment: row?.sentiment === null ? null : Number(row?.sentiment.toFixed(9)),
        lastInteraction: time(row?.last_interaction_at),
      }).toEqual({
        channels: said.length ? ['x'] : [],
        followers: null,
        orders: own.length,
        revenue: orders.filter((o) => o.contact === index).reduce((sum, o) => sum + o.amount, 0),
        first: own.length ? Math.min(...own) : null,
        last: own.length ? Math.max(...own) : null,
        sentiment: said.length
          ? Number((said.reduce((sum, m) => sum + m.sentiment, 0) / said.length).toFixed(9))
          : null,
        lastInteraction: said.length ? Math.max(...said.map((m) => at(m.daysAgo))) : null,
      });
    });
  });

  it('scores purchases and engagement as rfmScores and rfmSegment do', async () => {
    const response = await gql<{
      recomputeRfm: { purchasesScored: number; engagementScored: number; scoredAt: string };
    }>(suite.api.graphqlUrl, RECOMPUTE, {}, agent);
    expect(response.errors).toBeUndefined();
    const { scoredAt, purchasesScored, engagementScored } = response.data?.recomputeRfm ?? {
      scoredAt: '',
      purchasesScored: 0,
      engagementScored: 0,
    };
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY - 6 * 3_600_000);
    const expectedPurchases = domainScores(
      orders.map((o) => ({
        id: contacts[o.contact] as string,
        at: at(o.daysAgo),
        value: o.amount,
      })),
      new Date(scoredAt),
      purchaseMeasures,
    );
    // Opens 1 point, clicks 3, mentions 2 (a sent email is no engagement).
    const expectedEngagement = domainScores(
      [
        ...events
          .filter((e) => e.kind !== 'SENT')
          .map((e) => ({
            id: contacts[e.contact] as string,
            at: at(e.daysAgo),
            value: e.kind === 'CLICKED' ? 3 : 1,
          })),
        ...mentions.map((m) => ({
          id: contacts[m.contact] as string,
          at: at(m.daysAgo),
          value: 2,
        })),
      ],
      new Date(scoredAt),
      engagementMeasures,
    );
    expect(purchasesScored).toBe(Object.keys(expectedPurchases).length);
    expect(engagementScored).toBe(Object.keys(expectedEngagement).length);
    expect(await storedScores(suite.databaseUrl, 'rfm', suite.world.tenants.a)).toEqual(
      expectedPurchases,
    );
    expect(await storedScores(suite.databaseUrl, 'engagement_rfm', suite.world.tenants.a)).toEqual(
      expectedEngagement,
    );
    // Every score is used: the random population spreads over all five quintiles.
    expect(new Set(Object.values(expectedPurchases).map((score) => score?.r)).size).toBe(5);
  });

  it('draws the grid and the Pareto curve from the stored scores', async () => {
    const grid = await gql<{
      rfmGrid: {
        scoredContacts: number;
        cells: { recency: number; frequency: number; contacts: number; revenue: string }[];
      };
    }>(suite.api.graphqlUrl, GRID, { basis: 'PURCHASES' }, viewer);
    expect(grid.errors).toBeUndefined();
    const cells = grid.data?.rfmGrid.cells ?? [];
    expect(cells).toHaveLength(25);
    const stored = await storedScores(suite.databaseUrl, 'rfm', suite.world.tenants.a);
    for (const cell of cells)
      expect(cell.contacts, `${cell.recency}:${cell.frequency}`).toBe(
        Object.values(stored).filter((s) => s?.r === cell.recency && s?.f === cell.frequency)
          .length,
      );
    expect(grid.data?.rfmGrid.scoredContacts).toBe(Object.keys(stored).length);

    const revenueOf = new Map<string, number>();
    for (const o of orders) {
      const id = contacts[o.contact] as string;
      revenueOf.set(id, (revenueOf.get(id) ?? 0) + o.amount);
    }
    const revenues = [...revenueOf.values()].map((revenue) => Math.max(revenue, 0));
    const pareto = await gql<{
      revenuePareto: {
        customers: number;
        eightyPercentCustomers: number;
        points: { customerShare: number; revenueShare: number }[];
      };
    }>(suite.api.graphqlUrl, PARETO, {}, viewer);
    expect(pareto.errors).toBeUndefined();
    expect(pareto.data?.revenuePareto.customers).toBe(revenues.length);
    expect(pareto.data?.revenuePareto.eightyPercentCustomers).toBe(
      customersHoldingRevenueShare(revenues, 0.8).customerCount,
    );
    const half = pareto.data?.revenuePareto.points.find((p) => p.customerShare === 0.5);
    expect(half?.revenueShare).toBeCloseTo(topCustomersRevenueShare(revenues, 0.5), 12);
  });

  it('lists a grid cell’s contacts through the contacts filter, and checks the scores', async () => {
    const stored = await storedScores(suite.databaseUrl, 'rfm', suite.world.tenants.a);
    const [id, score] = Object.entries(stored)[0] ?? [];
    const listed = await gql<{ contacts: { edges: { node: { id: string } }[] } }>(
      suite.api.graphqlUrl,
      `query($filter: ContactFilter) { contacts(first: 100, filter: $filter) { edges { node { id } } } }`,
      { filter: { rfmRecency: score?.r, rfmFrequency: score?.f } },
      viewer,
    );
    expect(listed.errors).toBeUndefined();
    const ids = listed.data?.contacts.edges.map((edge) => edge.node.id) ?? [];
    expect(ids).toContain(id);
    expect(ids.sort()).toEqual(
      Object.entries(stored)
        .filter(([, s]) => s?.r === score?.r && s?.f === score?.f)
        .map(([contactId]) => contactId)
        .sort(),
    );
    const engagement = await storedScores(
      suite.databaseUrl,
      'engagement_rfm',
      suite.world.tenants.a,
    );
    const [, cell] = Object.entries(engagement)[0] ?? [];
    const engaged = await gql<{ contacts: { edges: { node: { id: string } }[] } }>(
      suite.api.graphqlUrl,
      `query($filter: ContactFilter) { contacts(first: 100, filter: $filter) { edges { node { id } } } }`,
      { filter: { engagementRecency: cell?.r, engagementFrequency: cell?.f } },
      viewer,
    );
    expect(engaged.data?.contacts.edges.map((edge) => edge.node.id).sort()).toEqual(
      Object.entries(engagement)
        .filter(([, s]) => s?.r === cell?.r && s?.f === cell?.f)
        .map(([contactId]) => contactId)
        .sort(),
    );
    const bad = await gql(
      suite.api.graphqlUrl,
      `query { contacts(first: 5, filter: { rfmRecency: 6 }) { totalCount } }`,
      {},
      viewer,
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(bad.errors)).toContain('rfmRecency');
  });

  it('lets agents recompute, not viewers', async () => {
    const refused = await gql(suite.api.graphqlUrl, RECOMPUTE, {}, viewer);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
  });

  it('recomputes after the upkeep only when activity changed, not on edits', async () => {
    const scoring = async () =>
      (
        await withClient(suite.databaseUrl, (db) =>
          db.query('SELECT requested_at, scored_at FROM rfm_scoring WHERE tenant_id = $1', [
            suite.world.tenants.a,
          ]),
        )
      ).rows[0];
    await expect.poll(async () => (await scoring())?.requested_at, { timeout: 10_000 }).toBeNull();
    const before = (await scoring())?.scored_at.getTime();
    const customer = contacts[orders[0]?.contact ?? 0] as string;
    await withClient(suite.databaseUrl, (db) =>
      db.query(`UPDATE contact SET display_name = 'Edited customer' WHERE id = $1`, [customer]),
    );
    await settled(suite, agent);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await scoring()).toEqual({ requested_at: null, scored_at: new Date(before ?? 0) });

    await writeActivity(
      suite.databaseUrl,
      suite.world.tenants.a,
      now,
      [{ contactId: customer, daysAgo: 0, amount: 5 }],
      [],
    );
    await expect
      .poll(async () => (await scoring())?.scored_at.getTime(), { timeout: 15_000 })
      .toBeGreaterThan(before ?? 0);
  }, 40_000);

  it('breaks ties as the domain does in small, tie-heavy populations', async () => {
    const populations = fc.sample(
      fc.array(
        fc.record({
          contact: fc.nat(contacts.length - 1),
          daysAgo: fc.nat(4),
          amount: fc.constantFrom(0, 10, 20),
        }),
        { minLength: 1, maxLength: 14 },
      ),
      { numRuns: 12, seed: 17 },
    );
    for (const population of populations) {
      await withClient(suite.databaseUrl, (db) =>
        db.query('DELETE FROM customer_order WHERE tenant_id = $1', [suite.world.tenants.a]),
      );
      await writeActivity(
        suite.databaseUrl,
        suite.world.tenants.a,
        now,
        population.map((o) => ({ ...o, contactId: contacts[o.contact] as string })),
        [],
      );
      const response = await gql<{ recomputeRfm: { scoredAt: string } }>(
        suite.api.graphqlUrl,
        RECOMPUTE,
        {},
        agent,
      );
      const scoredAt = new Date(response.data?.recomputeRfm.scoredAt ?? '');
      const expected = domainScores(
        population.map((o) => ({
          id: contacts[o.contact] as string,
          at: new Date(now - o.daysAgo * DAY - 6 * 3_600_000),
          value: o.amount,
        })),
        scoredAt,
        purchaseMeasures,
      );
      expect(await storedScores(suite.databaseUrl, 'rfm', suite.world.tenants.a)).toEqual(expected);
    }
  }, 60_000);
});

describe('the upkeep keeps metrics and RFM equal to a full recomputation', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });

  it('after random streams of orders, engagement and edits', async () => {
    const agent = await callerOf(suite, 'aAGENT');
    const tenantId = suite.world.tenants.a;
    const contacts = await insertContacts(
      suite.databaseUrl,
      tenantId,
      Array.from({ length: 40 }, (_, index) => `Stream ${index}`),
    );
    const now = Date.now();
    const rounds = fc.sample(
      fc.record({
        orders: fc.array(
          fc.record({
            contact: fc.nat(39),
            daysAgo: fc.nat(300),
            amount: fc.integer({ min: 0, max: 300 }),
          }),
          { maxLength: 15 },
        ),
        events: fc.array(
          fc.record({
            contact: fc.nat(39),
            daysAgo: fc.nat(60),
            kind: fc.constantFrom('OPENED' as const, 'CLICKED' as const),
          }),
          { maxLength: 10 },
        ),
        mentions: fc.array(
          fc.record({
            contact: fc.nat(39),
            daysAgo: fc.nat(60),
            sentiment: fc.integer({ min: -4, max: 4 }).map((quarter) => quarter / 4),
          }),
          { maxLength: 4 },
        ),
        rescored: fc.nat(),
        renamed: fc.nat(39),
        identity: fc.nat(39),
      }),
      { numRuns: 6, seed: 1_404 },
    );
    let written = Date.now();
    const mentionIds: string[] = [];
    for (const [index, round] of rounds.entries()) {
      mentionIds.push(
        ...(await writeMentions(
          suite.databaseUrl,
          tenantId,
          now,
          round.mentions.map((m) => ({ ...m, contactId: contacts[m.contact] as string })),
        )),
      );
      const rescored = mentionIds[round.rescored % Math.max(mentionIds.length, 1)];
      if (rescored) await rescoreMention(suite.databaseUrl, tenantId, rescored, -0.75);
      await writeActivity(
        suite.databaseUrl,
        tenantId,
        now,
        round.orders.map((o) => ({
          contactId: contacts[o.contact] as string,
          daysAgo: o.daysAgo,
          amount: o.amount,
        })),
        round.events.map((e) => ({
          contactId: contacts[e.contact] as string,
          daysAgo: e.daysAgo,
          kind: e.kind,
        })),
      );
      await withClient(suite.databaseUrl, async (db) => {
        await db.query('BEGIN');
        await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
        await db.query('UPDATE contact SET display_name = $2 WHERE id = $1', [
          contacts[round.renamed],
          `Renamed ${index}`,
        ]);
        await db.query(
          `INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle, followers)
           VALUES ($1, gen_random_uuid(), $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [
            tenantId,
            contacts[round.identity],
            index % 2 ? 'INSTAGRAM' : 'X',
            `stream${index}`,
            100 * index,
          ],
        );
        await db.query('COMMIT');
      });
      written = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // Last, a customer goes: the others' quintiles move without them.
    await withClient(suite.databaseUrl, (db) =>
      db.query(
        `DELETE FROM contact WHERE id = (SELECT contact_id FROM customer_order
           WHERE tenant_id = $1 AND contact_id IS NOT NULL ORDER BY ordered_at DESC LIMIT 1)`,
        [tenantId],
      ),
    );
    written = Date.now();

    // Wait until the upkeep has taken every change and the RFM job has run after the last write.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const state = await gql<{
        pendingContactUpdates: number;
        rfmGrid: { scoredAt: string | null };
      }>(suite.api.graphqlUrl, '{ pendingContactUpdates rfmGrid { scoredAt } }', {}, agent);
      const scoredAt = state.data?.rfmGrid.scoredAt;
      if (state.data?.pendingContactUpdates === 0 && scoredAt && Date.parse(scoredAt) > written)
        break;
      if (Date.now() > deadline) throw new Error(`upkeep did not settle: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const kept = {
      purchases: await storedScores(suite.databaseUrl, 'rfm', tenantId),
      engagement: await storedScores(suite.databaseUrl, 'engagement_rfm', tenantId),
    };
    expect(Object.keys(kept.purchases).length).toBeGreaterThan(10);

    // The metrics equal what the records say now.
    const mismatches = await withClient(
      suite.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT c.id FROM contact c
           LEFT JOIN contact_metrics m ON m.tenant_id = c.tenant_id AND m.contact_id = c.id
           WHERE c.tenant_id = $1 AND (
             m.contact_id IS NULL
             OR m.order_count <> (SELECT count(*) FROM customer_order o WHERE o.contact_id = c.id)
             OR m.revenue <> (SELECT coalesce(sum(reporting_amount), 0) FROM customer_order o WHERE o.contact_id = c.id)
             OR m.channels <> coalesce((SELECT array_agg(DISTINCT lower(channel) ORDER BY lower(channel)) FROM social_identity s WHERE s.contact_id = c.id), '{}')
             OR m.followers IS DISTINCT FROM (SELECT sum(followers) FROM social_identity s WHERE s.contact_id = c.id)
             OR m.first_order_at IS DISTINCT FROM (SELECT min(ordered_at) FROM customer_order o WHERE o.contact_id = c.id)
             OR m.last_order_at IS DISTINCT FROM (SELECT max(ordered_at) FROM customer_order o WHERE o.contact_id = c.id)
             OR m.last_interaction_at IS DISTINCT FROM (SELECT max(occurred_at) FROM timeline_event t WHERE t.contact_id = c.id
                  AND kind NOT IN ('LIFECYCLE_CHANGE', 'SEGMENT_ENTERED', 'SEGMENT_LEFT', 'MERGE', 'EDIT'))
             OR m.sentiment IS DISTINCT FROM (SELECT avg(mn.sentiment_score)::float8 FROM mention mn
                  JOIN social_identity s ON s.id = mn.author_identity_id WHERE s.contact_id = c.id))`,
            [tenantId],
          )
        ).rows,
    );
    expect(mismatches).toEqual([]);
    expect(mentionIds.length).toBeGreaterThan(3);
    // The batches' requests coalesce and are all answered: none is left asking.
    await expect
      .poll(
        () =>
          withClient(
            suite.databaseUrl,
            async (db) =>
              (
                await db.query('SELECT requested_at FROM rfm_scoring WHERE tenant_id = $1', [
                  tenantId,
                ])
              ).rows,
          ),
        { timeout: 10_000 },
      )
      .toEqual([{ requested_at: null }]);

    const recomputed = await gql(suite.api.graphqlUrl, RECOMPUTE, {}, agent);
    expect(recomputed.errors).toBeUndefined();
    expect(await storedScores(suite.databaseUrl, 'rfm', tenantId)).toEqual(kept.purchases);
    expect(await storedScores(suite.databaseUrl, 'engagement_rfm', tenantId)).toEqual(
      kept.engagement,
    );
  }, 150_000);
});
