import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AgencyType, TenantType } from '../tenancy/index.js';

@ObjectType({
  description:
    'One measure over the period and over the previous period of the same length. Rates are fractions (0.25 = 25 %); null where the measure has no base (nothing to divide by).',
})
export class ReportFigure {
  @Field(() => Float, { nullable: true, description: 'Over the period.' })
  current: number | null;

  @Field(() => Float, { nullable: true, description: 'Over the previous period.' })
  previous: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'current − previous (for rates: the difference in points of the fraction).',
  })
  difference: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '(current − previous) / |previous| as a fraction (0.5 = +50 %); null when previous is 0 or null.',
  })
  change: number | null;
}

@ObjectType({ description: 'How many people heard of the brands.' })
export class AwarenessReport {
  @Field(() => ReportFigure, { description: 'Mentions published in the period.' })
  mentions: ReportFigure;

  @Field(() => ReportFigure, {
    description:
      "Followers reached: the sum of the followers of the mentions' distinct authors (each author once per period).",
  })
  followersReached: ReportFigure;

  @Field(() => ReportFigure, { description: "Sum of the mentions' estimated reach." })
  reach: ReportFigure;
}

@ObjectType({ description: 'How the audience responded, on social media and by email.' })
export class EngagementReport {
  @Field(() => ReportFigure, {
    description:
      'Interactions counted: the mentions of the period (stored mentions carry their reach, not their likes or shares).',
  })
  interactions: ReportFigure;

  @Field(() => ReportFigure, { description: 'Interactions / followers reached.' })
  rateByFollowers: ReportFigure;

  @Field(() => ReportFigure, { description: 'Interactions / reach.' })
  rateByReach: ReportFigure;

  @Field(() => ReportFigure, {
    description: 'Email sends: recipients of a campaign with a SENT event in the period.',
  })
  emailsSent: ReportFigure;

  @Field(() => ReportFigure, {
    description: 'Sends later opened (not bounced) / delivered sends (sent − bounced).',
  })
  emailOpenRate: ReportFigure;

  @Field(() => ReportFigure, {
    description: 'Sends later clicked (not bounced) / delivered sends.',
  })
  emailClickRate: ReportFigure;

  @Field(() => ReportFigure, { description: 'Bounced sends / sends.' })
  emailBounceRate: ReportFigure;
}

@ObjectType({ description: 'What was sold, in the reporting currency.' })
export class SalesReport {
  @Field(() => ReportFigure, { description: 'Orders placed in the period.' })
  orders: ReportFigure;

  @Field(() => ReportFigure, {
    description:
      'Revenue in the reporting currency (sum of the orders’ reporting amounts); null in a sum of tenants reporting in different currencies.',
  })
  revenue: ReportFigure;

  @Field(() => ReportFigure, { description: 'Contacts who ordered in the period.' })
  customers: ReportFigure;

  @Field(() => ReportFigure, {
    description:
      'Customers of the period with at least two orders by its end (in it, or one in it and one before) / customers.',
  })
  repeatPurchaseRate: ReportFigure;
}

@ObjectType({ description: 'How many new leads became customers.' })
export class LeadConversionReport {
  @Field(() => ReportFigure, { description: 'Contacts created in the period.' })
  leads: ReportFigure;

  @Field(() => ReportFigure, {
    description: 'Of those, contacts whose lifecycle stage is now customer or advocate.',
  })
  converted: ReportFigure;

  @Field(() => ReportFigure, { description: 'converted / leads.' })
  conversionRatio: ReportFigure;
}

@ObjectType({ description: "One tracked brand's voice in the conversation." })
export class ReportBrandVoice {
  @Field(() => ID)
  brandId: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: 'One of the tenant’s own brands (else a competitor).' })
  own: boolean;

  @Field(() => ReportFigure, { description: 'Mentions naming the brand.' })
  mentions: ReportFigure;

  @Field(() => ReportFigure, {
    description: 'Its mentions / mentions of all tracked brands listed beside it.',
  })
  shareByMentions: ReportFigure;
}

@ObjectType({ description: 'Share of voice over the tracked brands and net sentiment.' })
export class VoiceReport {
  @Field(() => ReportFigure, {
    description: "Own brands' mentions / mentions of all tracked brands (own and competitors).",
  })
  ownShareByMentions: ReportFigure;

  @Field(() => ReportFigure, { description: "Own brands' reach / reach of all tracked brands." })
  ownShareByReach: ReportFigure;

  @Field(() => ReportFigure, {
    description: '(positive − negative) / (positive + negative) over all mentions, in [−1, 1].',
  })
  netSentiment: ReportFigure;
}

@ObjectType({
  description:
    'One bucket of the small charts: bucket n of the period beside bucket n of the previous one.',
})
export class ReportTrendPoint {
  @Field(() => Date, { description: 'Start of the bucket in the period.' })
  start: Date;

  @Field(() => Date, { description: 'Start of the matching bucket in the previous period.' })
  previousStart: Date;

  @Field(() => Int)
  mentions: number;

  @Field(() => Int)
  previousMentions: number;

  @Field(() => Int)
  orders: number;

  @Field(() => Int)
  previousOrders: number;

  @Field(() => Float, { nullable: true, description: 'Null where `revenue` is null.' })
  revenue: number | null;

  @Field(() => Float, { nullable: true })
  previousRevenue: number | null;
}

@ObjectType({
  description:
    'The marketing report of a period against the previous period of the same length: awareness, engagement, sales, lead conversion, share of voice and net sentiment.',
})
export class MarketingReport {
  @Field(() => Date)
  from: Date;

  @Field(() => Date, { description: 'End of the period (excluded).' })
  to: Date;

  @Field(() => Date, { description: 'Start of the previous period, which ends at `from`.' })
  previousFrom: Date;

  @Field(() => Int, { description: 'Length of a trend bucket in days (1 or 7).' })
  bucketDays: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Reporting currency of the revenue; null in a sum of tenants reporting in different currencies.',
  })
  currency: string | null;

  @Field(() => AwarenessReport)
  awareness: AwarenessReport;

  @Field(() => EngagementReport)
  engagement: EngagementReport;

  @Field(() => SalesReport)
  sales: SalesReport;

  @Field(() => LeadConversionReport)
  leads: LeadConversionReport;

  @Field(() => VoiceReport)
  voice: VoiceReport;

  @Field(() => [ReportBrandVoice], {
    description: "Each tracked brand's voice (the `voice` shares per brand), most mentioned first.",
  })
  brands: ReportBrandVoice[];

  @Field(() => [ReportTrendPoint])
  trend: ReportTrendPoint[];
}

@ObjectType({ description: "One of the agency's tenants (brands) and its report." })
export class TenantMarketingReport {
  @Field(() => TenantType)
  tenant: TenantType;

  @Field(() => MarketingReport)
  report: MarketingReport;
}

@ObjectType({
  description: "An agency's tenants (brands) side by side, and their sum, over one period.",
})
export class AgencyMarketingReport {
  @Field(() => AgencyType)
  agency: AgencyType;

  @Field(() => Int, { description: 'Tenants the agency runs; `tenants` holds at most 200.' })
  tenantCount: number;

  @Field(() => [TenantMarketingReport], { description: 'The first 200 tenants by name.' })
  tenants: TenantMarketingReport[];

  @Field(() => MarketingReport, {
    description:
      'All of `tenants` as one: counts summed, rates recomputed from the summed counts (never averaged), brands side by side.',
  })
  total: MarketingReport;
}
