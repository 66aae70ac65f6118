import {
  conversionRatio,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  RFM_SEGMENT_IDS,
  type RfmSegmentId,
  safeRatio,
} from '@socialcrm/domain';
import type { CustomerBaseReport } from './customer-report.type.js';

/** What the database counts of one tenant's customer base, or of several summed. */
export interface CustomerBaseCounts {
  readonly contacts: number;
  readonly byStage: Readonly<Record<LifecycleStage, number>>;
  readonly leads: number;
  readonly convertedLeads: number;
  readonly bySegment: Readonly<Record<RfmSegmentId, number>>;
  /** Null without a successful fit. */
  readonly value: {
    readonly valuedContacts: number;
    readonly totalClv: number;
    /** Null in a sum of tenants whose fitted ones report in different currencies. */
    readonly currency: string | null;
    readonly fittedAt: Date | null;
  } | null;
  readonly advocates: number;
  readonly referrals: number;
}

/** The report of one tenant's counts, or of several tenants' summed counts. */
export function customerBaseReport(counts: CustomerBaseCounts): CustomerBaseReport {
  const value = counts.value;
  const totalClv = value?.currency ? value.totalClv : null;
  const rfmSegments = RFM_SEGMENT_IDS.map((segment) => ({
    segment,
    contacts: counts.bySegment[segment],
  }));
  return {
    contacts: counts.contacts,
    stages: LIFECYCLE_STAGES.map((stage) => ({ stage, contacts: counts.byStage[stage] })),
    leadConversion: {
      leads: counts.leads,
      customers: counts.convertedLeads,
      ratio: conversionRatio(counts.convertedLeads, counts.leads),
    },
    rfmSegments,
    rfmScoredContacts: rfmSegments.reduce((sum, row) => sum + row.contacts, 0),
    value: {
      valuedContacts: value?.valuedContacts ?? 0,
      totalClv,
      meanClv: totalClv === null ? null : safeRatio(totalClv, value?.valuedContacts ?? 0),
      currency: totalClv === null ? null : (value?.currency ?? null),
      fittedAt: value?.fittedAt ?? null,
    },
    advocates: counts.advocates,
    referrals: counts.referrals,
  };
}

/**
 * Several tenants' counts as one: every count added up, CLV over the tenants with a fit (in
 * their currency when they share one). Ratios are left to `customerBaseReport`, which divides
 * the sums.
 */
export function sumCustomerBases(all: readonly CustomerBaseCounts[]): CustomerBaseCounts {
  const add = (count: (counts: CustomerBaseCounts) => number) =>
    all.reduce((sum, counts) => sum + count(counts), 0);
  const valued = all.flatMap((counts) => (counts.value ? [counts.value] : []));
  const currencies = new Set(valued.map((value) => value.currency));
  return {
    contacts: add((counts) => counts.contacts),
    byStage: Object.fromEntries(
      LIFECYCLE_STAGES.map((stage) => [stage, add((counts) => counts.byStage[stage])]),
    ) as Record<LifecycleStage, number>,
    leads: add((counts) => counts.leads),
    convertedLeads: add((counts) => counts.convertedLeads),
    bySegment: Object.fromEntries(
      RFM_SEGMENT_IDS.map((segment) => [segment, add((counts) => counts.bySegment[segment])]),
    ) as Record<RfmSegmentId, number>,
    value: valued.length
      ? {
          valuedContacts: valued.reduce((sum, value) => sum + value.valuedContacts, 0),
          totalClv: valued.reduce((sum, value) => sum + value.totalClv, 0),
          currency: currencies.size === 1 ? ([...currencies][0] ?? null) : null,
          fittedAt: null,
        }
      : null,
    advocates: add((counts) => counts.advocates),
    referrals: add((counts) => counts.referrals),
  };
}
