import type { ComparedPeriods } from '../report-period.js';

/** A tracked brand's mentions over one period. */
export interface BrandCounts {
  readonly brandId: string;
  readonly name: string;
  readonly own: boolean;
  mentions: number;
  reach: number;
}

/** One trend bucket: bucket n starts n buckets after its period's start. */
export interface TrendCounts {
  mentions: number;
  orders: number;
  revenue: number;
}

/**
 * What the database counts for one tenant over one period; every figure of the report is
 * computed from these in node, so an agency's total is the same computation over their sums.
 */
export interface PeriodCounts {
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Sum of the mentions' estimated reach. */
  reach: number;
  /** Sum of the followers of the distinct authors of the mentions. */
  followersReached: number;
  brands: BrandCounts[];
  /** Email sends of the period (one per recipient and campaign) and how they fared. */
  emailsSent: number;
  emailsBounced: number;
  emailsOpened: number;
  emailsClicked: number;
  orders: number;
  /** In the tenant's reporting currency. */
  revenue: number;
  customers: number;
  repeatCustomers: number;
  leads: number;
  convertedLeads: number;
  trend: TrendCounts[];
}

/** Which tenants, over which periods: what every measure's one query reads. */
export interface ReportScope {
  readonly tenantIds: readonly string[];
  readonly periods: ComparedPeriods;
}

/** The parameters every measure query starts with: $1 tenants, $2 previous from, $3 from, $4 to. */
export function scopeParams({ tenantIds, periods }: ReportScope): unknown[] {
  return [tenantIds, periods.previousFrom, periods.from, periods.to];
}

export function emptyCounts(buckets: number): PeriodCounts {
  return {
    mentions: 0,
    positive: 0,
    neutral: 0,
    negative: 0,
    reach: 0,
    followersReached: 0,
    brands: [],
    emailsSent: 0,
    emailsBounced: 0,
    emailsOpened: 0,
    emailsClicked: 0,
    orders: 0,
    revenue: 0,
    customers: 0,
    repeatCustomers: 0,
    leads: 0,
    convertedLeads: 0,
    trend: Array.from({ length: buckets }, () => ({ mentions: 0, orders: 0, revenue: 0 })),
  };
}

/** A tenant's counts for the period and the previous one. */
export interface ComparedCounts {
  readonly current: PeriodCounts;
  readonly previous: PeriodCounts;
}

/** The counts of every tenant of a scope, filled in by the measure queries. */
export class CountsBook {
  private readonly byTenant = new Map<string, ComparedCounts>();

  constructor(scope: ReportScope) {
    for (const tenantId of scope.tenantIds) {
      this.byTenant.set(tenantId, {
        current: emptyCounts(scope.periods.buckets),
        previous: emptyCounts(scope.periods.buckets),
      });
    }
  }

  /** The counts a row of a measure query adds to. */
  at(tenantId: string, current: boolean): PeriodCounts {
    const counts = this.byTenant.get(tenantId);
    // Row policies and the tenant list agree; a row of another tenant is a bug, not data.
    if (!counts) throw new Error('A report query returned a tenant outside its scope');
    return current ? counts.current : counts.previous;
  }

  of(tenantId: string): ComparedCounts {
    return this.byTenant.get(tenantId) as ComparedCounts;
  }
}

const ADDED = [
  'mentions',
  'positive',
  'neutral',
  'negative',
  'reach',
  'followersReached',
  'emailsSent',
  'emailsBounced',
  'emailsOpened',
  'emailsClicked',
  'orders',
  'revenue',
  'customers',
  'repeatCustomers',
  'leads',
  'convertedLeads',
] as const;

/** Several tenants' counts as one: sums, brands side by side, trends bucket by bucket. */
export function sumCounts(all: readonly PeriodCounts[], buckets: number): PeriodCounts {
  const total = emptyCounts(buckets);
  for (const counts of all) {
    for (const key of ADDED) total[key] += counts[key];
    total.brands.push(...counts.brands.map((brand) => ({ ...brand })));
    counts.trend.forEach((point, index) => {
      const sum = total.trend[index] as TrendCounts;
      sum.mentions += point.mentions;
      sum.orders += point.orders;
      sum.revenue += point.revenue;
    });
  }
  return total;
}
