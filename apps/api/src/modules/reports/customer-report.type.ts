import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LeadConversionRatioType } from '../lifecycle/index.js';
import { AgencyType, TenantType } from '../tenancy/index.js';

@ObjectType({ description: 'How many contacts are in one lifecycle stage now.' })
export class LifecycleStageCount {
  @Field(() => String, {
    description:
      'The stage: subscriber, lead, marketingQualifiedLead, salesQualifiedLead, opportunity, customer, advocate or churned.',
  })
  stage: string;

  @Field(() => Int, { description: 'Contacts whose current stage it is.' })
  contacts: number;
}

@ObjectType({ description: 'How many contacts are in one named RFM segment on purchases.' })
export class RfmSegmentCount {
  @Field(() => String, {
    description:
      'The segment: champions, loyal_customers, potential_loyalists, new_customers, promising, need_attention, about_to_sleep, at_risk, cant_lose_them, hibernating or lost.',
  })
  segment: string;

  @Field(() => Int, { description: 'Contacts the latest RFM scoring on purchases put in it.' })
  contacts: number;
}

@ObjectType({
  description:
    'What the latest successful customer value fit (BG/NBD and Gamma–Gamma) valued: the fit `latestCustomerValueFit` answers.',
})
export class CustomerValueSummary {
  @Field(() => Int, {
    description: 'Contacts that fit gave a CLV; 0 without a successful fit.',
  })
  valuedContacts: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Sum of their CLV in `currency`; null without a successful fit, and in a sum of tenants whose fitted ones report in different currencies.',
  })
  totalClv: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'totalClv / valuedContacts; null where totalClv is null or nobody was valued.',
  })
  meanClv: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reporting currency of the CLV; null where totalClv is null.',
  })
  currency: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When that fit finished; null without one, and in a sum of tenants.',
  })
  fittedAt: Date | null;
}

@ObjectType({
  description:
    'A customer base as it is now: contacts by lifecycle stage, lead-to-customer conversion, named RFM segments on purchases, customer value, advocates and referrals.',
})
export class CustomerBaseReport {
  @Field(() => Int, { description: 'All contacts.' })
  contacts: number;

  @Field(() => [LifecycleStageCount], {
    description:
      'Contacts by current lifecycle stage: every stage, in the lifecycle’s order (funnel stages, then churned).',
  })
  stages: LifecycleStageCount[];

  @Field(() => LeadConversionRatioType, {
    description:
      'Lead-to-customer conversion over all time, as `leadConversionRatio` without a period defines it: contacts whose stage history reached lead or beyond, and of them customer or beyond. A sum divides the summed counts.',
  })
  leadConversion: LeadConversionRatioType;

  @Field(() => [RfmSegmentCount], {
    description: 'Contacts in each named RFM segment on purchases: every segment, best first.',
  })
  rfmSegments: RfmSegmentCount[];

  @Field(() => Int, { description: 'Contacts with an RFM score on purchases (all segments).' })
  rfmScoredContacts: number;

  @Field(() => CustomerValueSummary, {
    description: 'Customer lifetime value by the latest successful fit.',
  })
  value: CustomerValueSummary;

  @Field(() => Int, {
    description:
      'Advocates as `advocates` finds them: repeated, mostly positive mentions or referrals in the last 90 days.',
  })
  advocates: number;

  @Field(() => Int, { description: 'Referrals recorded, all time.' })
  referrals: number;
}

@ObjectType({ description: "One of the agency's tenants (brands) and its customer base." })
export class TenantCustomerReport {
  @Field(() => TenantType, { description: 'The tenant (brand).' })
  tenant: TenantType;

  @Field(() => CustomerBaseReport, { description: 'Its customer base.' })
  report: CustomerBaseReport;
}

@ObjectType({
  description: "An agency's tenants' (brands') customer bases side by side, and their sum.",
})
export class AgencyCustomerReport {
  @Field(() => AgencyType, { description: 'The agency asked for.' })
  agency: AgencyType;

  @Field(() => Int, { description: 'Tenants the agency runs; `tenants` holds at most 200.' })
  tenantCount: number;

  @Field(() => [TenantCustomerReport], { description: 'The first 200 tenants by name.' })
  tenants: TenantCustomerReport[];

  @Field(() => CustomerBaseReport, {
    description:
      'All of `tenants` as one: counts summed, the conversion ratio and mean CLV recomputed from the sums (never averaged).',
  })
  total: CustomerBaseReport;
}
