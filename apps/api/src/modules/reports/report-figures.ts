import {
  conversionRatio,
  emailRates,
  engagementRate,
  netSentiment,
  safeRatio,
  shareOfVoice,
} from '@socialcrm/domain';
import type {
  MarketingReport,
  ReportBrandVoice,
  ReportFigure,
  ReportTrendPoint,
} from './marketing-report.type.js';
import type { ComparedCounts, PeriodCounts } from './measures/period-counts.js';
import type { ComparedPeriods } from './report-period.js';

/** Every figure of one period, computed from its counts by the domain's definitions. */
function periodFigures(counts: PeriodCounts) {
  const engagement = engagementRate({
    interactions: counts.mentions,
    followers: counts.followersReached,
    reach: counts.reach,
  });
  const email = emailRates({
    sent: counts.emailsSent,
    bounced: counts.emailsBounced,
    uniqueOpens: counts.emailsOpened,
    uniqueClicks: counts.emailsClicked,
  });
  const voice = shareOfVoice(
    counts.brands.map((brand) => ({
      brand: brand.brandId,
      own: brand.own,
      mentions: brand.mentions,
      reach: brand.reach,
    })),
  );
  return {
    mentions: counts.mentions,
    followersReached: counts.followersReached,
    reach: counts.reach,
    rateByFollowers: engagement.byFollowers,
    rateByReach: engagement.byReach,
    emailsSent: counts.emailsSent,
    emailOpenRate: email.openRate,
    emailClickRate: email.clickThroughRate,
    emailBounceRate: email.bounceRate,
    orders: counts.orders,
    revenue: counts.revenue,
    customers: counts.customers,
    repeatPurchaseRate: safeRatio(counts.repeatCustomers, counts.customers),
    leads: counts.leads,
    converted: counts.convertedLeads,
    conversionRatio: conversionRatio(counts.convertedLeads, counts.leads),
    ownShareByMentions: voice.own.byMentions,
    ownShareByReach: voice.own.byReach,
    netSentiment: netSentiment(counts),
    brandShares: new Map(voice.brands.map((share) => [share.brand, share.byMentions])),
  };
}

export function figure(current: number | null, previous: number | null): ReportFigure {
  const difference = current === null || previous === null ? null : current - previous;
  return {
    current,
    previous,
    difference,
    change:
      difference === null || previous === null ? null : safeRatio(difference, Math.abs(previous)),
  };
}

/**
 * The report of one tenant, or of several tenants' summed counts. `currency` null means the
 * revenue adds up amounts of different currencies and is not shown.
 */
export function marketingReport(
  counts: ComparedCounts,
  periods: ComparedPeriods,
  currency: string | null,
): MarketingReport {
  const now = periodFigures(counts.current);
  const before = periodFigures(counts.previous);
  const pair = (key: Exclude<keyof typeof now, 'brandShares'>) => figure(now[key], before[key]);
  const money = (value: number) => (currency === null ? null : value);
  const bucketMs = periods.bucketSeconds * 1000;
  return {
    from: periods.from,
    to: periods.to,
    previousFrom: periods.previousFrom,
    bucketDays: periods.bucketSeconds / 86_400,
    currency,
    awareness: {
      mentions: pair('mentions'),
      followersReached: pair('followersReached'),
      reach: pair('reach'),
    },
    engagement: {
      interactions: pair('mentions'),
      rateByFollowers: pair('rateByFollowers'),
      rateByReach: pair('rateByReach'),
      emailsSent: pair('emailsSent'),
      emailOpenRate: pair('emailOpenRate'),
      emailClickRate: pair('emailClickRate'),
      emailBounceRate: pair('emailBounceRate'),
    },
    sales: {
      orders: pair('orders'),
      revenue: figure(money(now.revenue), money(before.revenue)),
      customers: pair('customers'),
      repeatPurchaseRate: pair('repeatPurchaseRate'),
    },
    leads: {
      leads: pair('leads'),
      converted: pair('converted'),
      conversionRatio: pair('conversionRatio'),
    },
    voice: {
      ownShareByMentions: pair('ownShareByMentions'),
      ownShareByReach: pair('ownShareByReach'),
      netSentiment: pair('netSentiment'),
    },
    brands: brandVoices(counts, now.brandShares, before.brandShares),
    trend: counts.current.trend.map((point, index): ReportTrendPoint => {
      const earlier = counts.previous.trend[index] ?? { mentions: 0, orders: 0, revenue: 0 };
      return {
        start: new Date(periods.from.getTime() + index * bucketMs),
        previousStart: new Date(periods.previousFrom.getTime() + index * bucketMs),
        mentions: point.mentions,
        previousMentions: earlier.mentions,
        orders: point.orders,
        previousOrders: earlier.orders,
        revenue: money(point.revenue),
        previousRevenue: money(earlier.revenue),
      };
    }),
  };
}

function brandVoices(
  counts: ComparedCounts,
  now: Map<string, number | null>,
  before: Map<string, number | null>,
): ReportBrandVoice[] {
  const previous = new Map(counts.previous.brands.map((brand) => [brand.brandId, brand]));
  return counts.current.brands
    .map((brand) => ({
      brandId: brand.brandId,
      name: brand.name,
      own: brand.own,
      mentions: figure(brand.mentions, previous.get(brand.brandId)?.mentions ?? 0),
      shareByMentions: figure(now.get(brand.brandId) ?? null, before.get(brand.brandId) ?? null),
    }))
    .sort(
      (a, b) =>
        (b.mentions.current ?? 0) - (a.mentions.current ?? 0) || a.name.localeCompare(b.name),
    );
}
