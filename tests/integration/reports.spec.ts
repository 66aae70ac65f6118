import { beforeAll, describe, expect, it } from 'vitest';
import { expectAgencyReportRefusals, expectNorthAndItsTenants } from '../support/agency-reports.js';
import { withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { writeMarketingHistory } from '../support/marketing-data.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const FIGURE = '{ current previous difference change }';
const REPORT_FIELDS = `
  from to previousFrom bucketDays currency
  awareness { mentions ${FIGURE} followersReached ${FIGURE} reach ${FIGURE} }
  engagement {
    interactions ${FIGURE} rateByFollowers ${FIGURE} rateByReach ${FIGURE}
    emailsSent ${FIGURE} emailOpenRate ${FIGURE} emailClickRate ${FIGURE} emailBounceRate ${FIGURE}
  }
  sales { orders ${FIGURE} revenue ${FIGURE} customers ${FIGURE} repeatPurchaseRate ${FIGURE} }
  leads { leads ${FIGURE} converted ${FIGURE} conversionRatio ${FIGURE} }
  voice {
    ownShareByMentions ${FIGURE} ownShareByReach ${FIGURE} netSentiment ${FIGURE}
  }
  brands { name own mentions ${FIGURE} shareByMentions ${FIGURE} }
  trend { start previousStart mentions previousMentions orders previousOrders revenue previousRevenue }`;
const REPORT = `query($period: ReportPeriodInput!) { marketingReport(period: $period) { ${REPORT_FIELDS} } }`;
const AGENCY_REPORT = `query($agencyId: ID!, $period: ReportPeriodInput!) {
  agencyMarketingReport(agencyId: $agencyId, period: $period) {
    agency { id name } tenantCount
    tenants { tenant { id name } report { ${REPORT_FIELDS} } }
    total { ${REPORT_FIELDS} }
  }
}`;

// The first week of March 2026 against the last week of February.
const PERIOD = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' };

type Figure = { current: number | null; previous: number | null };
type Report = {
  currency: string | null;
  awareness: Record<'mentions' | 'followersReached' | 'reach', Figure>;
  engagement: Record<string, Figure>;
  sales: Record<string, Figure>;
  leads: Record<string, Figure>;
  voice: Record<'ownShareByMentions' | 'ownShareByReach' | 'netSentiment', Figure>;
  brands: Array<{ name: string; own: boolean; mentions: Figure; shareByMentions: Figure }>;
  trend: Array<Record<string, number | string | null>>;
};
type AgencyReport = {
  agency: { id: string; name: string };
  tenantCount: number;
  tenants: Array<{ tenant: { id: string; name: string }; report: Report }>;
  total: Report;
};

/** Tenant A: every measure in both weeks, with the edges each definition must get right. */
async function writeTenantA(ownerUrl: string, world: World) {
  await writeMarketingHistory(ownerUrl, world.tenants.a, world.brands.a, {
    identities: { ana: 1000, ben: 500, cy: 200 },
    competitors: ['Rival'],
    mentions: [
      // This week: 4 mentions, authors ana (twice) and ben: 1,500 followers reached.
      {
        at: '2026-03-01T00:00:00Z',
        sentiment: 'POSITIVE',
        reach: 100,
        author: 'ana',
        brands: ['own'],
      },
      {
        at: '2026-03-02T09:00:00Z',
        sentiment: 'NEGATIVE',
        reach: 50,
        author: 'ana',
        brands: ['own'],
      },
      {
        at: '2026-03-03T09:00:00Z',
        sentiment: 'POSITIVE',
        reach: 30,
        author: 'ben',
        brands: ['Rival'],
      },
      { at: '2026-03-07T23:00:00Z', sentiment: 'NEUTRAL', reach: 20, brands: ['own', 'Rival'] },
      // Last week: 2 mentions by cy.
      {
        at: '2026-02-22T00:00:00Z',
        sentiment: 'POSITIVE',
        reach: 10,
        author: 'cy',
        brands: ['Rival'],
      },
      {
        at: '2026-02-25T09:00:00Z',
        sentiment: 'POSITIVE',
        reach: 10,
        author: 'cy',
        brands: ['own'],
      },
      // Outside both weeks.
      {
        at: '2026-03-08T00:00:00Z',
        sentiment: 'NEGATIVE',
        reach: 999,
        author: 'ana',
        brands: ['own'],
      },
      {
        at: '2026-02-21T23:59:59Z',
        sentiment: 'NEGATIVE',
        reach: 999,
        author: 'ana',
        brands: ['own'],
      },
    ],
    contacts: {
      old: { createdAt: '2026-01-10T00:00:00Z', stage: 'customer' },
      c2: { createdAt: '2026-03-02T00:00:00Z', stage: 'customer' },
      c3: { createdAt: '2026-03-03T00:00:00Z', stage: 'lead' },
      c4: { createdAt: '2026-03-04T00:00:00Z', stage: 'advocate' },
      c5: { createdAt: '2026-02-23T00:00:00Z', stage: 'lead' },
      c6: { createdAt: '2026-02-24T00:00:00Z', stage: 'customer' },
      c7: { createdAt: '2026-02-25T00:00:00Z', stage: 'churned' },
    },
    orders: [
      // This week: 5 orders, 210; customers old (twice: repeats), c2 (first), c6 (ordered last week: repeats).
      { at: '2026-03-01T00:00:00Z', amount: 100, contact: 'old' },
      { at: '2026-03-05T00:00:00Z', amount: 50, contact: 'old' },
      { at: '2026-03-02T00:00:00Z', amount: 30, contact: 'c2' },
      { at: '2026-03-06T00:00:00Z', amount: 20, contact: 'c6' },
      { at: '2026-03-07T00:00:00Z', amount: 10 },
      // Last week: 2 orders, 100; c5 repeats (ordered in January), c6 does not.
      { at: '2026-02-24T00:00:00Z', amount: 40, contact: 'c6' },
      { at: '2026-02-28T00:00:00Z', amount: 60, contact: 'c5' },
      { at: '2026-01-01T00:00:00Z', amount: 5, contact: 'c5' },
    ],
    emails: [
      // This week: 4 sends; old opens twice and clicks, c2 opens after the week, c3 bounces,
      // c4 clicks without a recorded open.
      { at: '2026-03-01T08:00:00Z', kind: 'SENT', contact: 'old', campaign: 'spring' },
      { at: '2026-03-01T08:00:00Z', kind: 'SENT', contact: 'c2', campaign: 'spring' },
      { at: '2026-03-01T08:00:00Z', kind: 'SENT', contact: 'c3', campaign: 'spring' },
      { at: '2026-03-01T08:00:00Z', kind: 'SENT', contact: 'c4', campaign: 'spring' },
      { at: '2026-03-02T08:00:00Z', kind: 'OPENED', contact: 'old', campaign: 'spring' },
      { at: '2026-03-03T08:00:00Z', kind: 'OPENED', contact: 'old', campaign: 'spring' },
      { at: '2026-03-02T08:00:00Z', kind: 'CLICKED', contact: 'old', campaign: 'spring' },
      { at: '2026-03-09T08:00:00Z', kind: 'OPENED', contact: 'c2', campaign: 'spring' },
      { at: '2026-03-01T08:01:00Z', kind: 'BOUNCED', contact: 'c3', campaign: 'spring' },
      { at: '2026-03-02T08:00:00Z', kind: 'CLICKED', contact: 'c4', campaign: 'spring' },
      // Last week: 2 sends, one opened; c6's open came before its send and is not its.
      { at: '2026-02-23T08:00:00Z', kind: 'SENT', contact: 'c5', campaign: 'winter' },
      { at: '2026-02-23T08:00:00Z', kind: 'SENT', contact: 'c6', campaign: 'winter' },
      { at: '2026-02-24T08:00:00Z', kind: 'OPENED', contact: 'c5', campaign: 'winter' },
      { at: '2026-02-20T08:00:00Z', kind: 'OPENED', contact: 'c6', campaign: 'winter' },
    ],
  });
}

/** Tenant A2 (also run by North): a little of everything this week, nothing last week. */
async function writeTenantA2(ownerUrl: string, world: World) {
  await writeMarketingHistory(ownerUrl, world.tenants.a2, world.brands.a2, {
    identities: { dee: 300 },
    mentions: [
      {
        at: '2026-03-04T09:00:00Z',
        sentiment: 'POSITIVE',
        reach: 40,
        author: 'dee',
        brands: ['own'],
      },
      { at: '2026-03-05T09:00:00Z', sentiment: 'NEGATIVE', reach: 0, brands: ['own'] },
    ],
    contacts: { d1: { createdAt: '2026-03-04T00:00:00Z', stage: 'customer' } },
    orders: [{ at: '2026-03-04T00:00:00Z', amount: 70, contact: 'd1' }],
    emails: [
      { at: '2026-03-04T08:00:00Z', kind: 'SENT', contact: 'd1', campaign: 'news' },
      { at: '2026-03-04T09:00:00Z', kind: 'OPENED', contact: 'd1', campaign: 'news' },
    ],
  });
}

/** Tenant B (agency South): big numbers that must never reach North's report. */
async function writeTenantB(ownerUrl: string, world: World) {
  await writeMarketingHistory(ownerUrl, world.tenants.b, world.brands.b, {
    identities: { spy: 1_000_000 },
    mentions: [
      {
        at: '2026-03-03T09:00:00Z',
        sentiment: 'NEGATIVE',
        reach: 5000,
        author: 'spy',
        brands: ['own'],
      },
    ],
    contacts: { b1: { createdAt: '2026-03-03T00:00:00Z', stage: 'lead' } },
    orders: [{ at: '2026-03-03T00:00:00Z', amount: 9999, contact: 'b1' }],
  });
}

const f = (current: number | null, previous: number | null) => ({ current, previous });
const close = (value: number) => expect.closeTo(value, 10);
const closeFigure = (current: number | null, previous: number | null) => ({
  current: current === null ? null : close(current),
  previous: previous === null ? null : close(previous),
});

describe('marketing reports', () => {
  const suite = useSuite();
  const callers = {} as Record<
    'aViewer' | 'aOwner' | 'northAdmin' | 'northMember' | 'northAdminInA2' | 'bOwner',
    Caller
  >;
  const report = (caller: Caller, period = PERIOD) =>
    gql<{ marketingReport: Report }>(suite.api.graphqlUrl, REPORT, { period }, caller);
  const agencyReport = (caller: Caller, agencyId = suite.world.agencies.north, period = PERIOD) =>
    gql<{ agencyMarketingReport: AgencyReport }>(
      suite.api.graphqlUrl,
      AGENCY_REPORT,
      { agencyId, period },
      caller,
    );

  beforeAll(async () => {
    const { api, world, databaseUrl } = suite;
    const session = async (email: string, tenantId?: string) => ({
      token: (await signIn(api.graphqlUrl, email, PASSWORD)).accessToken,
      tenantId,
    });
    callers.aViewer = await session(world.users.aVIEWER.email, world.tenants.a);
    callers.aOwner = await session(world.users.aOWNER.email, world.tenants.a);
    callers.northAdmin = await session(world.users.northAdmin.email, world.tenants.a);
    callers.northAdminInA2 = { ...callers.northAdmin, tenantId: world.tenants.a2 };
    callers.northMember = await session(world.users.northMember.email);
    callers.bOwner = await session(world.users.bOwner.email, world.tenants.b);
    // The history is dated March 2026: once that is 180 days past, the churn check (run at
    // start, racing the tests) churns its customers, and converted leads are counted by stage.
    await withClient(databaseUrl, (db) =>
      db.query('UPDATE tenant SET churn_after_days = 3650 WHERE id = ANY ($1::uuid[])', [
        Object.values(world.tenants),
      ]),
    );
    await writeTenantA(databaseUrl, world);
    await writeTenantA2(databaseUrl, world);
    await writeTenantB(databaseUrl, world);
  });

  it('reports every measure of the period and of the previous one, as computed by hand', async () => {
    const response = await report(callers.aViewer);
    expect(response.errors).toBeUndefined();
    const a = response.data?.marketingReport as Report;
    expect(a).toMatchObject({
      from: PERIOD.from,
      to: PERIOD.to,
      previousFrom: '2026-02-22T00:00:00.000Z',
      bucketDays: 1,
      currency: 'USD',
    });
    expect(a.awareness).toEqual({
      mentions: { current: 4, previous: 2, difference: 2, change: 1 },
      followersReached: { current: 1500, previous: 200, difference: 1300, change: 6.5 },
      reach: { current: 200, previous: 20, difference: 180, change: 9 },
    });
    expect(a.engagement).toMatchObject({
      interactions: f(4, 2),
      rateByFollowers: closeFigure(4 / 1500, 2 / 200),
      rateByReach: closeFigure(4 / 200, 2 / 20),
      emailsSent: f(4, 2),
      // Delivered 3 of 4 this week (c3 bounced): opened by old and c2, clicked by old and c4.
      emailOpenRate: closeFigure(2 / 3, 1 / 2),
      emailClickRate: closeFigure(2 / 3, 0),
      emailBounceRate: closeFigure(1 / 4, 0),
    });
    expect(a.sales).toMatchObject({
      orders: f(5, 2),
      revenue: { current: 210, previous: 100, difference: 110, change: 1.1 },
      customers: f(3, 2),
      repeatPurchaseRate: closeFigure(2 / 3, 1 / 2),
    });
    expect(a.leads).toMatchObject({
      leads: f(3, 3),
      converted: f(2, 1),
      conversionRatio: closeFigure(2 / 3, 1 / 3),
    });
    expect(a.voice).toMatchObject({
      // Own brand: 3 mentions (reach 170) of 5 (220); last week 1 (10) of 2 (20).
      ownShareByMentions: closeFigure(3 / 5, 1 / 2),
      ownShareByReach: closeFigure(170 / 220, 10 / 20),
      netSentiment: closeFigure(1 / 3, 1),
    });
    expect(a.brands).toMatchObject([
      {
        name: 'Brand A',
        own: true,
        mentions: f(3, 1),
        shareByMentions: closeFigure(3 / 5, 1 / 2),
      },
      {
        name: 'Rival',
        own: false,
        mentions: f(2, 1),
        shareByMentions: closeFigure(2 / 5, 1 / 2),
      },
    ]);
    expect(a.voice.netSentiment).toMatchObject({
      difference: close(1 / 3 - 1),
      change: close(-2 / 3),
    });
    expect(a.trend).toHaveLength(7);
    expect(a.trend[0]).toEqual({
      start: '2026-03-01T00:00:00.000Z',
      previousStart: '2026-02-22T00:00:00.000Z',
      mentions: 1,
      previousMentions: 1,
      orders: 1,
      previousOrders: 0,
      revenue: 100,
      previousRevenue: 0,
    });
    expect(a.trend[6]).toMatchObject({ mentions: 1, orders: 1, revenue: 10, previousMentions: 0 });
    expect(a.trend.reduce((sum, point) => sum + Number(point.mentions), 0)).toBe(4);
    expect(a.trend.reduce((sum, point) => sum + Number(point.previousRevenue), 0)).toBe(100);
  });

  it('gives null rates and changes where there is nothing to divide by', async () => {
    const response = await report(callers.aViewer, {
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-04-01T00:00:00.000Z',
    });
    expect(response.errors).toBeUndefined();
    const empty = response.data?.marketingReport as Report;
    expect(empty.awareness.mentions).toEqual({
      current: 0,
      previous: 0,
      difference: 0,
      change: null,
    });
    expect(empty.engagement.emailOpenRate).toEqual({
      current: null,
      previous: null,
      difference: null,
      change: null,
    });
    expect(empty.voice.netSentiment.current).toBeNull();
    expect(empty.sales.repeatPurchaseRate?.current).toBeNull();
    // 90 days: counted by day; a longer period by week.
    expect(empty.trend).toHaveLength(90);
  });

  it('refuses a period that ends before it starts or is too long, naming the field', async () => {
    const backwards = await report(callers.aViewer, { from: PERIOD.to, to: PERIOD.from });
    const tooLong = await report(callers.aViewer, {
      from: '2020-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    for (const response of [backwards, tooLong]) {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.fields).toEqual([
        expect.objectContaining({ field: 'period.to' }),
      ]);
    }
  });

  it('shows an agency its brands side by side and their sum, equal to the single reports', async () => {
    const { world } = suite;
    const response = await agencyReport(callers.northMember);
    expect(response.errors).toBeUndefined();
    const agency = response.data?.agencyMarketingReport as AgencyReport;
    expectNorthAndItsTenants(agency, world);
    const singleA = (await report(callers.northAdmin)).data?.marketingReport;
    const singleA2 = (await report(callers.northAdminInA2)).data?.marketingReport;
    expect(agency.tenants[0]?.report).toEqual(singleA);
    expect(agency.tenants[1]?.report).toEqual(singleA2);

    // Counts add up; rates are recomputed from the summed counts, never averaged.
    const total = agency.total;
    expect(total.currency).toBe('USD');
    expect(total.awareness).toMatchObject({
      mentions: f(6, 2),
      followersReached: f(1800, 200),
      reach: f(240, 20),
    });
    expect(total.engagement).toMatchObject({
      rateByFollowers: closeFigure(6 / 1800, 2 / 200),
      rateByReach: closeFigure(6 / 240, 2 / 20),
      emailsSent: f(5, 2),
      emailOpenRate: closeFigure(3 / 4, 1 / 2),
      emailClickRate: closeFigure(2 / 4, 0),
      emailBounceRate: closeFigure(1 / 5, 0),
    });
    expect(total.sales).toMatchObject({
      orders: f(6, 2),
      revenue: f(280, 100),
      customers: f(4, 2),
      repeatPurchaseRate: closeFigure(2 / 4, 1 / 2),
    });
    expect(total.leads).toMatchObject({ leads: f(4, 3), converted: f(3, 1) });
    expect(total.voice).toMatchObject({
      ownShareByMentions: closeFigure(5 / 7, 1 / 2),
      ownShareByReach: closeFigure(210 / 260, 10 / 20),
      netSentiment: closeFigure(1 / 5, 1),
    });
    expect(total.brands.map((brand) => brand.name).sort()).toEqual([
      'Brand A',
      'Brand A2',
      'Rival',
    ]);
    for (const [index, point] of total.trend.entries()) {
      const sum = (key: string) =>
        agency.tenants.reduce((all, row) => all + Number(row.report.trend[index]?.[key]), 0);
      expect(point.mentions).toBe(sum('mentions'));
      expect(point.revenue).toBe(sum('revenue'));
    }
  });

  it('never adds up revenue of different currencies', async () => {
    const { world, databaseUrl } = suite;
    const setCurrency = (currency: string) =>
      withClient(databaseUrl, (db) =>
        db.query('UPDATE tenant SET reporting_currency = $2 WHERE id = $1', [
          world.tenants.a2,
          currency,
        ]),
      );
    await setCurrency('EUR');
    try {
      const agency = (await agencyReport(callers.northAdmin)).data?.agencyMarketingReport;
      expect(agency?.tenants.map((row) => row.report.currency)).toEqual(['USD', 'EUR']);
      expect(agency?.total.currency).toBeNull();
      expect(agency?.total.sales.revenue).toEqual({
        current: null,
        previous: null,
        difference: null,
        change: null,
      });
      expect(agency?.total.sales.orders?.current).toBe(6);
    } finally {
      await setCurrency('USD');
    }
  });

  it('keeps each report inside what the caller may see', async () => {
    const { world } = suite;
    // B's own report holds B's figures only, and North's never holds B's.
    const b = (await report(callers.bOwner)).data?.marketingReport;
    expect(b?.awareness.mentions.current).toBe(1);
    expect(b?.sales.revenue?.current).toBe(9999);
    const north = (await agencyReport(callers.northAdmin)).data?.agencyMarketingReport;
    expect(north?.tenants.map((row) => row.tenant.id)).not.toContain(world.tenants.b);
    expect(north?.total.sales.revenue?.current).toBe(280);
    expect(north?.total.awareness.followersReached.current).toBe(1800);
    // The same report of South, to its own staff's knowledge, would be B's: nobody here is.
    await expectAgencyReportRefusals(agencyReport, callers, world);
    // A tenant's report through another tenant's header is refused.
    expect(errorCodes(await report({ ...callers.aOwner, tenantId: world.tenants.b }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('lets every role of a tenant read its report, and refuses it to an API key of an agency', async () => {
    const { world } = suite;
    for (const role of ['VIEWER', 'AGENT', 'MANAGER', 'OWNER'] as const) {
      const token = (await signIn(suite.api.graphqlUrl, world.users[`a${role}`].email, PASSWORD))
        .accessToken;
      const response = await report({ token, tenantId: world.tenants.a });
      expect(response.errors, role).toBeUndefined();
      expect(response.data?.marketingReport.awareness.mentions.current).toBe(4);
    }
    const key = await gql<{ createApiKey: { secret: string } }>(
      suite.api.graphqlUrl,
      'mutation { createApiKey(input: { name: "reports", role: VIEWER }) { secret } }',
      {},
      callers.aOwner,
    );
    const secret = key.data?.createApiKey.secret ?? '';
    const byKey = await report({ token: secret });
    expect(byKey.data?.marketingReport.sales.orders?.current).toBe(5);
    expect(errorCodes(await agencyReport({ token: secret }))).toEqual(['FORBIDDEN']);
  });
});
