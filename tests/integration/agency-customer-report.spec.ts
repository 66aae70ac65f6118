import { LIFECYCLE_STAGES, RFM_SEGMENT_IDS } from '@socialcrm/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAgencyReportRefusals, expectNorthAndItsTenants } from '../support/agency-reports.js';
import { settled } from '../support/customer-activity.js';
import { writeCustomerBase } from '../support/customer-base.js';
import { fitCustomerValue } from '../support/customer-value.js';
import { withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const BASE_FIELDS = `contacts stages { stage contacts } leadConversion { leads customers ratio }
  rfmSegments { segment contacts } rfmScoredContacts
  value { valuedContacts totalClv meanClv currency fittedAt } advocates referrals`;
const AGENCY_REPORT = `query($agencyId: ID!) {
  agencyCustomerReport(agencyId: $agencyId) {
    agency { id name } tenantCount
    tenants { tenant { id name } report { ${BASE_FIELDS} } }
    total { ${BASE_FIELDS} }
  }
}`;

/**
 * What one tenant's own pages show, each from the query its page uses (in three documents: the
 * api allows 15 aliases in one).
 */
const SINGLE_TENANT = [
  `{
    all: contacts(first: 1) { totalCount }
    ${LIFECYCLE_STAGES.map((stage) => `${stage}: contacts(first: 1, filter: { lifecycleStages: ["${stage}"] }) { totalCount }`).join('\n')}
  }`,
  `{
    ${RFM_SEGMENT_IDS.map((id) => `${id}: segmentPreview(rule: { all: [{ field: "rfmSegment", op: "equals", value: "${id}" }] }) { count }`).join('\n')}
  }`,
  `{
    leadConversionRatio { leads customers ratio }
    rfmGrid(basis: PURCHASES) { scoredContacts }
    latestCustomerValueFit { finishedAt }
    clvDistribution(buckets: 2) { contacts }
    topCustomersByValue(first: 100) { clv }
    advocates(first: 100) { contact { id } }
    referrals(first: 1) { totalCount }
  }`,
];

interface Base {
  contacts: number;
  stages: Array<{ stage: string; contacts: number }>;
  leadConversion: { leads: number; customers: number; ratio: number | null };
  rfmSegments: Array<{ segment: string; contacts: number }>;
  rfmScoredContacts: number;
  value: {
    valuedContacts: number;
    totalClv: number | null;
    meanClv: number | null;
    currency: string | null;
    fittedAt: string | null;
  };
  advocates: number;
  referrals: number;
}
interface AgencyReport {
  agency: { id: string; name: string };
  tenantCount: number;
  tenants: Array<{ tenant: { id: string; name: string }; report: Base }>;
  total: Base;
}
type SingleTenant = Record<string, { totalCount: number } | { count: number }> & {
  leadConversionRatio: Base['leadConversion'];
  rfmGrid: { scoredContacts: number };
  latestCustomerValueFit: { finishedAt: string } | null;
  clvDistribution: Array<{ contacts: number }>;
  topCustomersByValue: Array<{ clv: string }>;
  advocates: Array<{ contact: { id: string } }>;
  referrals: { totalCount: number };
};

/** A tenant's customer base as its own pages show it, in the agency report's shape. */
function fromSinglePages(single: SingleTenant, currency: string): Base {
  const count = (alias: string) => {
    const field = single[alias] as { totalCount?: number; count?: number };
    return field.totalCount ?? field.count ?? Number.NaN;
  };
  const valued = single.clvDistribution.reduce((sum, bucket) => sum + bucket.contacts, 0);
  const totalClv = single.topCustomersByValue.reduce((sum, row) => sum + Number(row.clv), 0);
  const fitted = single.latestCustomerValueFit !== null;
  return {
    contacts: count('all'),
    stages: LIFECYCLE_STAGES.map((stage) => ({ stage, contacts: count(stage) })),
    leadConversion: single.leadConversionRatio,
    rfmSegments: RFM_SEGMENT_IDS.map((segment) => ({ segment, contacts: count(segment) })),
    rfmScoredContacts: single.rfmGrid.scoredContacts,
    value: {
      valuedContacts: valued,
      totalClv: fitted ? expect.closeTo(totalClv, 2) : null,
      meanClv: fitted && valued ? expect.closeTo(totalClv / valued, 4) : null,
      currency: fitted ? currency : null,
      fittedAt: single.latestCustomerValueFit?.finishedAt ?? null,
    },
    advocates: single.advocates.length,
    referrals: single.referrals.totalCount,
  };
}

describe('agency customer report', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  const callers = {} as Record<
    'northAdmin' | 'northMember' | 'aOwner' | 'aManager' | 'northAdminInA2' | 'bOwner',
    Caller
  >;
  const agencyReport = (caller: Caller, agencyId = suite.world.agencies.north) =>
    gql<{ agencyCustomerReport: AgencyReport }>(
      suite.api.graphqlUrl,
      AGENCY_REPORT,
      { agencyId },
      caller,
    );
  const singlePages = async (caller: Caller) => {
    const parts = await Promise.all(
      SINGLE_TENANT.map((document) => gql(suite.api.graphqlUrl, document, {}, caller)),
    );
    for (const part of parts) expect(part.errors).toBeUndefined();
    const single = Object.assign({}, ...parts.map((part) => part.data)) as SingleTenant;
    return fromSinglePages(single, 'USD');
  };
  const recomputeRfm = async (caller: Caller) =>
    expect(
      (await gql(suite.api.graphqlUrl, 'mutation { recomputeRfm { scoredAt } }', {}, caller))
        .errors,
    ).toBeUndefined();

  beforeAll(async () => {
    const { api, world, databaseUrl } = suite;
    const session = async (email: string, tenantId?: string) => ({
      token: (await signIn(api.graphqlUrl, email, PASSWORD)).accessToken,
      tenantId,
    });
    callers.northAdmin = await session(world.users.northAdmin.email, world.tenants.a);
    callers.northAdminInA2 = { ...callers.northAdmin, tenantId: world.tenants.a2 };
    callers.northMember = await session(world.users.northMember.email);
    callers.aOwner = await session(world.users.aOWNER.email, world.tenants.a);
    callers.aManager = await session(world.users.aMANAGER.email, world.tenants.a);
    callers.bOwner = await session(world.users.bOwner.email, world.tenants.b);
    // Buyers whose last order is 200 days old would churn whenever the churn check runs: the
    // stages must not move between the reports compared.
    await withClient(databaseUrl, (db) =>
      db.query('UPDATE tenant SET churn_after_days = 3650 WHERE id = ANY ($1::uuid[])', [
        Object.values(world.tenants),
      ]),
    );
    // A: valued customers, every kind of stage, referrals and praise. A2: a few buyers, never
    // valued. B (agency South): more of everything, which North's report must never show.
    await writeCustomerBase(databaseUrl, world.tenants.a, {
      buyers: 30,
      staged: ['subscriber', 'marketingQualifiedLead', 'opportunity', 'advocate', 'churned'],
      referrals: 2,
      praisers: 2,
    });
    await writeCustomerBase(databaseUrl, world.tenants.a2, {
      buyers: 6,
      staged: ['lead', 'salesQualifiedLead'],
      referrals: 1,
    });
    await writeCustomerBase(databaseUrl, world.tenants.b, {
      buyers: 40,
      staged: ['subscriber', 'lead', 'lead', 'lead', 'lead'],
      referrals: 9,
      praisers: 4,
    });
    for (const caller of [callers.aOwner, callers.northAdminInA2, callers.bOwner])
      await settled(suite, caller);
    for (const caller of [callers.aOwner, callers.northAdminInA2, callers.bOwner])
      await recomputeRfm(caller);
    for (const caller of [callers.aManager, callers.bOwner])
      expect(await fitCustomerValue(api.graphqlUrl, caller, {})).toMatchObject({
        state: 'SUCCEEDED',
      });
    for (const caller of [callers.aOwner, callers.northAdminInA2, callers.bOwner])
      await settled(suite, caller);
  }, 180_000);

  it('shows each brand as its own pages do, and their sum', async () => {
    const { world } = suite;
    const response = await agencyReport(callers.northMember);
    expect(response.errors).toBeUndefined();
    const report = response.data?.agencyCustomerReport as AgencyReport;
    expectNorthAndItsTenants(report, world);
    const [a, a2] = report.tenants.map((row) => row.report) as [Base, Base];
    expect(a).toEqual(await singlePages(callers.northAdmin));
    expect(a2).toEqual(await singlePages(callers.northAdminInA2));

    // What was written: every stage, a fit in A only, referrals and advocates by hand.
    expect([a.contacts, a2.contacts]).toEqual([35, 8]);
    expect(a.stages.map((row) => row.stage)).toEqual([...LIFECYCLE_STAGES]);
    expect(a.rfmSegments.map((row) => row.segment)).toEqual([...RFM_SEGMENT_IDS]);
    expect([a.rfmScoredContacts, a2.rfmScoredContacts]).toEqual([30, 6]);
    expect(a.value).toMatchObject({ valuedContacts: 30, currency: 'USD' });
    expect(a.value.totalClv).toBeGreaterThan(0);
    expect(a2.value).toEqual({
      valuedContacts: 0,
      totalClv: null,
      meanClv: null,
      currency: null,
      fittedAt: null,
    });
    // The referrer of each, and A's two praisers.
    expect([a.advocates, a2.advocates]).toEqual([3, 1]);
    expect([a.referrals, a2.referrals]).toEqual([2, 1]);

    // Counts add up; the ratio and the mean come from the sums, never an average of ratios.
    const total = report.total;
    const sum = (count: (base: Base) => number) => count(a) + count(a2);
    expect(total.contacts).toBe(sum((base) => base.contacts));
    expect(total.stages).toEqual(
      LIFECYCLE_STAGES.map((stage, index) => ({
        stage,
        contacts: sum((base) => base.stages[index]?.contacts ?? 0),
      })),
    );
    expect(total.rfmSegments).toEqual(
      RFM_SEGMENT_IDS.map((segment, index) => ({
        segment,
        contacts: sum((base) => base.rfmSegments[index]?.contacts ?? 0),
      })),
    );
    expect(total.rfmScoredContacts).toBe(36);
    const leads = sum((base) => base.leadConversion.leads);
    const customers = sum((base) => base.leadConversion.customers);
    expect(total.leadConversion).toEqual({
      leads,
      customers,
      ratio: expect.closeTo(customers / leads, 10),
    });
    expect(total.value).toEqual({
      valuedContacts: 30,
      totalClv: expect.closeTo(a.value.totalClv as number, 6),
      meanClv: expect.closeTo((a.value.totalClv as number) / 30, 6),
      currency: 'USD',
      fittedAt: null,
    });
    expect([total.advocates, total.referrals]).toEqual([4, 3]);
  });

  it('keeps the report inside the agency, and refuses everyone but its staff', async () => {
    const { world } = suite;
    const north = (await agencyReport(callers.northAdmin)).data?.agencyCustomerReport;
    expect(north?.tenants.map((row) => row.tenant.id)).not.toContain(world.tenants.b);
    // B's 45 contacts, 9 referrals and 40 valued customers never count in North's total.
    expect(north?.total).toMatchObject({ contacts: 43, referrals: 3, advocates: 4 });
    expect(north?.total.value.valuedContacts).toBe(30);
    const south = await singlePages(callers.bOwner);
    expect(south).toMatchObject({ contacts: 45, referrals: 9, advocates: 5 });
    expect(south.value.valuedContacts).toBe(40);

    const key = await gql<{ createApiKey: { secret: string } }>(
      suite.api.graphqlUrl,
      'mutation { createApiKey(input: { name: "customer report", role: VIEWER }) { secret } }',
      {},
      callers.aOwner,
    );
    const secret = key.data?.createApiKey.secret ?? '';
    expect(secret).not.toBe('');
    await expectAgencyReportRefusals(agencyReport, callers, world);
    // An API key acts in its own tenant: agencies are for users.
    const byKey = await agencyReport({ token: secret });
    expect(errorCodes(byKey)).toEqual(['FORBIDDEN']);
    expect(byKey.data ?? null).toBeNull();
  });
});
