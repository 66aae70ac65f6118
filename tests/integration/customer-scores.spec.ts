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
import { settled, writeActivity } from '../support/customer-activity.js';
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
async function storedScores(databaseUrl: string, basis: 'rfm' | 'engagement_rfm'): Promise<Stored> {
  return withClient(databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT contact_id, ${basis}_r AS r, ${basis}_f AS f, ${basis}_m AS m, ${basis}_segment AS segment
       FROM contact_metrics WHERE ${basis}_r IS NOT NULL`,
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
  const now = Date.now();
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
    await settled(suite, agent);
  }, 40_000);

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
    const expectedEngagement = domainScores(
      events
        .filter((e) => e.kind !== 'SENT')
        .map((e) => ({
          id: contacts[e.contact] as string,
          at: at(e.daysAgo),
          value: e.kind === 'CLICKED' ? 3 : 1,
        })),
      new Date(scoredAt),
      engagementMeasures,
    );
    expect(purchasesScored).toBe(Object.keys(expectedPurchases).length);
    expect(engagementScored).toBe(Object.keys(expectedEngagement).length);
    expect(await storedScores(suite.databaseUrl, 'rfm')).toEqual(expectedPurchases);
    expect(await storedScores(suite.databaseUrl, 'engagement_rfm')).toEqual(expectedEngagement);
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
    const stored = await storedScores(suite.databaseUrl, 'rfm');
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
    const stored = await storedScores(suite.databaseUrl, 'rfm');
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
        renamed: fc.nat(39),
        identity: fc.nat(39),
      }),
      { numRuns: 6, seed: 1_404 },
    );
    let written = Date.now();
    for (const [index, round] of rounds.entries()) {
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

    // Wait until the upkeep has taken every change and the RFM job has run after the last write.
    const deadline = Date.now() + 30_000;
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
      purchases: await storedScores(suite.databaseUrl, 'rfm'),
      engagement: await storedScores(suite.databaseUrl, 'engagement_rfm'),
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
             OR m.followers IS DISTINCT FROM (SELECT sum(followers) FROM social_identity s WHERE s.contact_id = c.id))`,
            [tenantId],
          )
        ).rows,
    );
    expect(mismatches).toEqual([]);

    const recomputed = await gql(suite.api.graphqlUrl, RECOMPUTE, {}, agent);
    expect(recomputed.errors).toBeUndefined();
    expect(await storedScores(suite.databaseUrl, 'rfm')).toEqual(kept.purchases);
    expect(await storedScores(suite.databaseUrl, 'engagement_rfm')).toEqual(kept.engagement);
  }, 60_000);
});
