import { LIFECYCLE_STAGES, RFM_SEGMENT_IDS } from '@socialcrm/domain';
import { describe, expect, it } from 'vitest';
import {
  type CustomerBaseCounts,
  customerBaseReport,
  sumCustomerBases,
} from './customer-report-figures.js';

const stages = (counts: Partial<CustomerBaseCounts['byStage']>) => ({
  ...(Object.fromEntries(
    LIFECYCLE_STAGES.map((stage) => [stage, 0]),
  ) as CustomerBaseCounts['byStage']),
  ...counts,
});
const segments = (counts: Partial<CustomerBaseCounts['bySegment']>) => ({
  ...(Object.fromEntries(RFM_SEGMENT_IDS.map((id) => [id, 0])) as CustomerBaseCounts['bySegment']),
  ...counts,
});

// A large brand converting 1 lead in 10, a small one converting 1 in 2.
const big: CustomerBaseCounts = {
  contacts: 100,
  byStage: stages({ lead: 90, customer: 10 }),
  leads: 100,
  convertedLeads: 10,
  bySegment: segments({ champions: 4, lost: 6 }),
  value: { valuedContacts: 10, totalClv: 500, currency: 'EUR', fittedAt: new Date(0) },
  advocates: 2,
  referrals: 3,
};
const small: CustomerBaseCounts = {
  contacts: 2,
  byStage: stages({ lead: 1, customer: 1 }),
  leads: 2,
  convertedLeads: 1,
  bySegment: segments({ champions: 1 }),
  value: null,
  advocates: 0,
  referrals: 1,
};

describe(customerBaseReport.name, () => {
  it('lists every stage and segment in the domain’s order, and the mean CLV of the valued', () => {
    const report = customerBaseReport(big);
    expect(report.stages.map((row) => row.stage)).toEqual([...LIFECYCLE_STAGES]);
    expect(report.rfmSegments.map((row) => row.segment)).toEqual([...RFM_SEGMENT_IDS]);
    expect(report.rfmScoredContacts).toBe(10);
    expect(report.leadConversion).toEqual({ leads: 100, customers: 10, ratio: 0.1 });
    expect(report.value).toEqual({
      valuedContacts: 10,
      totalClv: 500,
      meanClv: 50,
      currency: 'EUR',
      fittedAt: new Date(0),
    });
  });

  it('has no CLV without a fit, and no ratio without leads', () => {
    const report = customerBaseReport({ ...small, leads: 0, convertedLeads: 0 });
    expect(report.value).toEqual({
      valuedContacts: 0,
      totalClv: null,
      meanClv: null,
      currency: null,
      fittedAt: null,
    });
    expect(report.leadConversion.ratio).toBeNull();
  });
});

describe(sumCustomerBases.name, () => {
  it('adds the counts and divides the sums, never averaging the ratios', () => {
    const total = customerBaseReport(sumCustomerBases([big, small]));
    expect(total.contacts).toBe(102);
    expect(total.stages.find((row) => row.stage === 'customer')?.contacts).toBe(11);
    expect(total.rfmSegments[0]).toEqual({ segment: 'champions', contacts: 5 });
    // 11 / 102, not (0.1 + 0.5) / 2.
    expect(total.leadConversion).toEqual({ leads: 102, customers: 11, ratio: 11 / 102 });
    expect(total.value).toMatchObject({ valuedContacts: 10, totalClv: 500, meanClv: 50 });
    expect(total.value.fittedAt).toBeNull();
    expect([total.advocates, total.referrals]).toEqual([2, 4]);
  });

  it('adds no CLV of different currencies, and has none when no brand was fitted', () => {
    const dollars = {
      ...big,
      value: { ...(big.value as NonNullable<CustomerBaseCounts['value']>), currency: 'USD' },
    };
    const mixed = customerBaseReport(sumCustomerBases([big, dollars]));
    expect(mixed.value).toMatchObject({ valuedContacts: 20, totalClv: null, meanClv: null });
    expect(customerBaseReport(sumCustomerBases([small, small])).value.totalClv).toBeNull();
    expect(customerBaseReport(sumCustomerBases([])).contacts).toBe(0);
  });
});
