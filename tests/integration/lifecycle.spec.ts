import {
  conversionRatio,
  type LifecycleEvent,
  type LifecycleStage,
  lifecycleCohorts,
  lifecycleFunnel,
  medianDaysInStage,
  replayLifecycle,
} from '@socialcrm/domain';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../support/customer-activity.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import {
  insertStagedContacts,
  openEmails,
  placeOrders,
  recordReferrals,
  storedHistories,
  storedStages,
} from '../support/lifecycle-records.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const MOVE = `mutation($contactId: ID!, $stage: String!, $reason: String!) {
  moveLifecycleStage(contactId: $contactId, stage: $stage, reason: $reason) {
    id lifecycleStage lifecycleHistory { fromStage toStage cause event reason actorId } } }`;
const HISTORY = `query($id: ID!) { contact(id: $id) { lifecycleStage
  lifecycleHistory { fromStage toStage cause event reason } } }`;
const SETTINGS =
  'mutation($days: Int!) { updateLifecycleSettings(churnAfterDays: $days) { churnAfterDays } }';
const FUNNEL_FIELDS =
  'contacts churned leadToCustomer steps { stage reached conversionFromPrevious }';

interface Change {
  fromStage: string | null;
  toStage: string;
  cause: string;
  event: string | null;
  reason: string | null;
}

describe('lifecycle', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  const callers = {} as Record<'viewer' | 'agent' | 'owner', Caller>;
  const tenant = () => suite.world.tenants.a;

  beforeAll(async () => {
    for (const [role, user] of [
      ['viewer', 'aVIEWER'],
      ['agent', 'aAGENT'],
      ['owner', 'aOWNER'],
    ] as const) {
      const { accessToken } = await signIn(
        suite.api.graphqlUrl,
        suite.world.users[user].email,
        PASSWORD,
      );
      callers[role] = { token: accessToken, tenantId: tenant() };
    }
  });

  const call = <T>(caller: Caller, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(suite.api.graphqlUrl, query, variables, caller);
  const historyOf = async (id: string) =>
    (
      await call<{ contact: { lifecycleStage: string; lifecycleHistory: Change[] } }>(
        callers.viewer,
        HISTORY,
        { id },
      )
    ).data?.contact;

  it('moves a contact on an agent’s word, keeping the reason in its history and timeline', async () => {
    const [id] = await insertStagedContacts(suite.databaseUrl, tenant(), ['lead']);
    const moved = await call<{
      moveLifecycleStage: {
        lifecycleStage: string;
        lifecycleHistory: Array<Change & { actorId: string }>;
      };
    }>(callers.agent, MOVE, {
      contactId: id,
      stage: 'marketingQualifiedLead',
      reason: 'asked for a demo',
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.moveLifecycleStage.lifecycleStage).toBe('marketingQualifiedLead');
    expect(moved.data?.moveLifecycleStage.lifecycleHistory).toEqual([
      {
        fromStage: 'lead',
        toStage: 'marketingQualifiedLead',
        cause: 'AGENT',
        event: 'qualified',
        reason: 'asked for a demo',
        actorId: suite.world.users.aAGENT.id,
      },
      {
        fromStage: null,
        toStage: 'lead',
        cause: 'SYSTEM',
        event: null,
        reason: null,
        actorId: null,
      },
    ]);
    const timeline = await call<{
      contactTimeline: { edges: Array<{ node: { kind: string; cause: string; body: string } }> };
    }>(
      callers.viewer,
      'query($id: ID!) { contactTimeline(contactId: $id) { edges { node { kind cause body } } } }',
      { id },
    );
    expect(timeline.data?.contactTimeline.edges.map((edge) => edge.node)).toEqual([
      {
        kind: 'LIFECYCLE_CHANGE',
        cause: 'USER',
        body: 'lead → marketingQualifiedLead: asked for a demo',
      },
    ]);
  });

  it('refuses moves the machine does not allow, naming the field', async () => {
    const [lead, customer] = await insertStagedContacts(suite.databaseUrl, tenant(), [
      'lead',
      'customer',
    ]);
    const refused = async (variables: Record<string, unknown>) => {
      const response = await call(callers.agent, MOVE, variables);
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      return response.errors?.[0]?.extensions?.fields as Array<{ field: string; message: string }>;
    };
    const skipped = await refused({ contactId: lead, stage: 'advocate', reason: 'why not' });
    expect(skipped[0]?.field).toBe('input.stage');
    expect(skipped[0]?.message).toContain('cannot move from "lead" to "advocate"');
    // Churned needs churnAfterDays without activity; this customer was just created.
    const early = await refused({ contactId: customer, stage: 'churned', reason: 'gone quiet' });
    expect(early[0]).toMatchObject({ field: 'input.stage' });
    expect(early[0]?.message).toContain('churnAfterDays is 180');
    expect((await refused({ contactId: lead, stage: 'lead', reason: 'same' }))[0]?.field).toBe(
      'input.stage',
    );
    expect((await refused({ contactId: lead, stage: 'king', reason: 'x' }))[0]?.field).toBe(
      'input.stage',
    );
    expect((await refused({ contactId: lead, stage: 'customer', reason: '  ' }))[0]?.field).toBe(
      'input.reason',
    );
    expect((await historyOf(lead as string))?.lifecycleHistory).toHaveLength(1);
  });

  it('lets agents move and owners set the churn threshold, and viewers only read', async () => {
    const [id] = await insertStagedContacts(suite.databaseUrl, tenant(), ['subscriber']);
    const move = { contactId: id, stage: 'lead', reason: 'replied' };
    expect(errorCodes(await call(callers.viewer, MOVE, move))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(callers.agent, SETTINGS, { days: 30 }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(callers.owner, SETTINGS, { days: 0 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const read = await call<{ lifecycleSettings: { churnAfterDays: number } }>(
      callers.viewer,
      `{ lifecycleSettings { churnAfterDays } lifecycleFunnel { contacts } leadConversionRatio { ratio }
         medianTimeInStage { stage medianDays } lifecycleCohorts { cohort } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.lifecycleSettings.churnAfterDays).toBe(180);
    expect(errorCodes(await call(callers.agent, MOVE, move))).toEqual([]);
  });

  it('moves contacts by what they do: a purchase, a referred customer, coming back', async () => {
    const [buyer, referrer, referred, lapsed, lapsedBuyer] = await insertStagedContacts(
      suite.databaseUrl,
      tenant(),
      ['lead', 'customer', 'subscriber', 'churned', 'churned'],
    );
    const ids = [buyer, referrer, referred, lapsed, lapsedBuyer] as string[];
    await recordReferrals(suite.databaseUrl, tenant(), [
      { referrerId: referrer as string, referredId: referred as string },
    ]);
    await placeOrders(suite.databaseUrl, tenant(), [
      { contactId: buyer as string, daysAgo: 0 },
      { contactId: referred as string, daysAgo: 0 },
      { contactId: lapsedBuyer as string, daysAgo: 0 },
    ]);
    await openEmails(suite.databaseUrl, tenant(), [lapsed as string]);
    await settled(suite, callers.viewer);
    expect(await storedStages(suite.databaseUrl, tenant(), ids)).toEqual({
      [buyer as string]: 'customer',
      [referrer as string]: 'advocate',
      [referred as string]: 'customer',
      [lapsed as string]: 'customer',
      [lapsedBuyer as string]: 'customer',
    });
    const latest = async (id: string) => (await historyOf(id))?.lifecycleHistory[0];
    expect(await latest(buyer as string)).toEqual({
      fromStage: 'lead',
      toStage: 'customer',
      cause: 'EVENT',
      event: 'purchased',
      reason: 'made a purchase',
    });
    expect(await latest(referrer as string)).toMatchObject({
      toStage: 'advocate',
      event: 'referredCustomer',
    });
    expect(await latest(lapsed as string)).toMatchObject({
      toStage: 'customer',
      event: 'reactivated',
    });
    expect(await latest(lapsedBuyer as string)).toMatchObject({ event: 'purchased' });
  });

  it('takes agents’ moves while the upkeep moves the same contacts, and fails none of them', async () => {
    const ids = (await insertStagedContacts(
      suite.databaseUrl,
      tenant(),
      Array.from({ length: 300 }, () => 'lead'),
    )) as string[];
    // Each purchase calls for the upkeep to move its buyer to customer while agents move them.
    await placeOrders(
      suite.databaseUrl,
      tenant(),
      ids.map((contactId) => ({ contactId, daysAgo: 0 })),
    );
    const codes: string[] = [];
    const queue = [...ids];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const moved = await call(callers.agent, MOVE, {
            contactId: id,
            stage: 'salesQualifiedLead',
            reason: 'asked for a quote',
          });
          codes.push(...(errorCodes(moved).filter(Boolean) as string[]));
        }
      }),
    );
    // A move the machine refuses (the buyer became a customer first) is the user's answer; an
    // internal error (a deadlock between the two) is not.
    expect(codes.filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
    await settled(suite, callers.viewer);
  }, 120_000);

  it('churns customers inactive for the tenant’s N days, and brings them back on activity', async () => {
    const [quiet, recent] = await insertStagedContacts(suite.databaseUrl, tenant(), [
      'customer',
      'customer',
    ]);
    await placeOrders(suite.databaseUrl, tenant(), [
      { contactId: quiet as string, daysAgo: 10 },
      { contactId: recent as string, daysAgo: 2 },
    ]);
    await settled(suite, callers.viewer);
    const set = await call(callers.owner, SETTINGS, { days: 5 });
    expect(set.data).toEqual({ updateLifecycleSettings: { churnAfterDays: 5 } });
    const deadline = Date.now() + 20_000;
    while ((await historyOf(quiet as string))?.lifecycleStage !== 'churned') {
      if (Date.now() > deadline) throw new Error('the churn check did not run');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await historyOf(quiet as string))?.lifecycleHistory[0]).toEqual({
      fromStage: 'customer',
      toStage: 'churned',
      cause: 'EVENT',
      event: 'inactive',
      reason: 'inactive past the churn threshold',
    });
    expect((await historyOf(recent as string))?.lifecycleStage).toBe('customer');
    await openEmails(suite.databaseUrl, tenant(), [quiet as string]);
    await settled(suite, callers.viewer);
    expect((await historyOf(quiet as string))?.lifecycleHistory[0]).toMatchObject({
      fromStage: 'churned',
      toStage: 'customer',
      event: 'reactivated',
    });
    await call(callers.owner, SETTINGS, { days: 180 });
  });

  it('keeps stages equal to a full replay of the data after random streams', async () => {
    const STAGES: LifecycleStage[] = [
      'subscriber',
      'lead',
      'marketingQualifiedLead',
      'customer',
      'churned',
    ];
    const count = 40;
    const initial = fc.sample(fc.constantFrom(...STAGES), { numRuns: count, seed: 1401 });
    const ids = await insertStagedContacts(suite.databaseUrl, tenant(), initial);
    type Action = { kind: 'order' | 'activity' | 'referral'; a: number; b: number };
    const actions = fc.sample(
      fc.record({
        kind: fc.constantFrom('order' as const, 'activity' as const, 'referral' as const),
        a: fc.nat(count - 1),
        b: fc.nat(count - 1),
      }),
      { numRuns: 90, seed: 1402 },
    );
    // Referrals go from a lower index to a higher one, once per referred contact: no cycles.
    const referredBy = new Map<number, number>();
    const ordered = new Set<number>();
    const active = new Set<number>();
    const rounds = [0, 1, 2, 3].map((r) => actions.filter((_, i) => i % 4 === r));
    for (const round of rounds) {
      const orders = round.filter((a) => a.kind === 'order');
      const activity = round.filter((a) => a.kind === 'activity');
      const referrals: Action[] = [];
      for (const action of round)
        if (action.kind === 'referral' && action.a < action.b && !referredBy.has(action.b)) {
          referredBy.set(action.b, action.a);
          referrals.push(action);
        }
      for (const order of orders) ordered.add(order.a);
      for (const act of activity) active.add(act.a);
      await placeOrders(
        suite.databaseUrl,
        tenant(),
        orders.map((o) => ({ contactId: ids[o.a] as string, daysAgo: 0 })),
      );
      await openEmails(
        suite.databaseUrl,
        tenant(),
        activity.map((a) => ids[a.a] as string),
      );
      await recordReferrals(
        suite.databaseUrl,
        tenant(),
        referrals.map((r) => ({ referrerId: ids[r.a] as string, referredId: ids[r.b] as string })),
      );
      await settled(suite, callers.viewer);
    }
    // The full recomputation: every contact's events from all the data at once, referred
    // contacts (higher indexes) first since their stage decides their referrers'.
    const expected: LifecycleStage[] = [];
    for (let i = count - 1; i >= 0; i--) {
      const start = initial[i] as LifecycleStage;
      const events: LifecycleEvent[] = [];
      if (start === 'churned' && ordered.has(i)) events.push({ type: 'purchased' });
      else if (start === 'churned' && active.has(i)) events.push({ type: 'reactivated' });
      else if (start !== 'churned' && ordered.has(i)) events.push({ type: 'purchased' });
      const referredCustomer = [...referredBy].some(
        ([referred, referrer]) =>
          referrer === i &&
          (ordered.has(referred) ||
            ['customer', 'advocate'].includes(expected[referred] as string)),
      );
      if (referredCustomer) events.push({ type: 'referredCustomer' });
      expected[i] = replayLifecycle(start, events).stage as LifecycleStage;
    }
    const stored = await storedStages(suite.databaseUrl, tenant(), ids);
    expect(ids.map((id) => stored[id])).toEqual(expected);
  });

  it('reports the funnel, conversion, median times and cohorts the domain computes', async () => {
    const ids = await insertStagedContacts(suite.databaseUrl, tenant(), [
      'subscriber',
      'lead',
      'lead',
      'marketingQualifiedLead',
      'salesQualifiedLead',
      'opportunity',
    ]);
    for (const [index, stage] of [
      'lead',
      'marketingQualifiedLead',
      'customer',
      'customer',
    ].entries())
      await call(callers.agent, MOVE, { contactId: ids[index], stage, reason: 'analytics' });
    const histories = await storedHistories(suite.databaseUrl, tenant());
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const answer = await call<{
      lifecycleFunnel: unknown;
      since: unknown;
      leadConversionRatio: { leads: number; customers: number; ratio: number | null };
      medianTimeInStage: Array<{ stage: string; medianDays: number | null }>;
      lifecycleCohorts: Array<{ cohort: string; funnel: unknown }>;
    }>(
      callers.viewer,
      `query($from: DateTimeISO) { lifecycleFunnel { ${FUNNEL_FIELDS} }
         since: lifecycleFunnel(from: $from) { ${FUNNEL_FIELDS} }
         leadConversionRatio { leads customers ratio } medianTimeInStage { stage medianDays }
         lifecycleCohorts { cohort funnel { ${FUNNEL_FIELDS} } } }`,
      { from },
    );
    expect(answer.errors).toBeUndefined();
    const domain = lifecycleFunnel(histories);
    expect(histories.length).toBeGreaterThanOrEqual(ids.length);
    expect(answer.data?.lifecycleFunnel).toEqual(domain);
    const recent = histories.filter((h) =>
      h.entries.every((e) => e.enteredAt.getTime() >= Date.parse(from)),
    );
    expect(answer.data?.since).toEqual(lifecycleFunnel(recent));
    const reached = (stage: string) => domain.steps.find((s) => s.stage === stage)?.reached ?? 0;
    expect(answer.data?.leadConversionRatio).toEqual({
      leads: reached('lead'),
      customers: reached('customer'),
      ratio: conversionRatio(reached('customer'), reached('lead')),
    });
    const medians = medianDaysInStage(histories);
    const rounded = (days: number | null) => (days === null ? null : Math.round(days * 1e6));
    expect(
      answer.data?.medianTimeInStage.map(({ stage, medianDays }) => [stage, rounded(medianDays)]),
    ).toEqual(Object.entries(medians).map(([stage, days]) => [stage, rounded(days)]));
    expect(answer.data?.lifecycleCohorts).toEqual(lifecycleCohorts(histories));
    const bad = await call(
      callers.viewer,
      'query($t: DateTimeISO) { lifecycleFunnel(from: $t, to: $t) { contacts } }',
      {
        t: from,
      },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
