import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';

/** When a referral earns its referrer the rule's fixed amount. */
export enum ReferralQualification {
  FIRST_PURCHASE = 'FIRST_PURCHASE',
  SIGNUP = 'SIGNUP',
}
registerEnumType(ReferralQualification, {
  name: 'ReferralQualification',
  description: 'FIRST_PURCHASE: once the referred contact has bought; SIGNUP: as soon as recorded.',
});

@ObjectType('AdvocacyContact', { description: 'A contact as the advocacy views name it.' })
export class AdvocacyContactType {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'The contact’s display name.' }) displayName: string;
}

@ObjectType('Referral', { description: 'One contact brought another in.' })
export class ReferralType {
  @Field(() => ID) id: string;
  @Field(() => AdvocacyContactType, { description: 'Who referred.' }) referrer: AdvocacyContactType;
  @Field(() => AdvocacyContactType, { description: 'Who was referred (one referrer each).' })
  referred: AdvocacyContactType;
  @Field(() => Date, { description: 'When the referral happened.' }) referredAt: Date;
  @Field(() => String, { nullable: true, description: 'Through what (a campaign, a code…).' })
  source: string | null;
  @Field(() => Date, { description: 'When it was recorded.' }) createdAt: Date;
}

@ObjectType('ReferralConnection', { description: 'Referrals, newest first.' })
export class ReferralConnection extends Connection(ReferralType, 'Referral') {}

@InputType('RecordReferralInput', { description: 'Who referred whom.' })
export class RecordReferralInput {
  @Field(() => ID, { description: 'The contact who referred.' }) referrerId: string;
  @Field(() => ID, { description: 'The contact brought in; has no referrer yet.' })
  referredId: string;
  @Field(() => Date, { nullable: true, description: 'When (default now).' })
  referredAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Through what, at most 200 characters.' })
  source?: string | null;
}

@ObjectType('ReferralLevel', { description: 'The customers a contact brought in at one distance.' })
export class ReferralLevelType {
  @Field(() => Int, { description: '1: referred directly; 2: by those; and so on.' })
  depth: number;
  @Field(() => Int, { description: 'How many contacts are at this distance.' }) contacts: number;
  @Field(() => Float, { description: 'Their revenue, reporting currency.' }) revenue: number;
}

@ObjectType('ReferralValue', {
  description:
    'Revenue a contact’s referral chain brought (domain referralChainValue): each customer once, at its shortest distance.',
})
export class ReferralValueType {
  @Field(() => AdvocacyContactType) contact: AdvocacyContactType;
  @Field(() => Int, { description: 'Contacts this one referred directly.' })
  directReferrals: number;
  @Field(() => Float, { description: 'Revenue of the contacts referred directly.' })
  directRevenue: number;
  @Field(() => Float, { description: 'Revenue of contacts referred further down the chain.' })
  indirectRevenue: number;
  @Field(() => Float, { description: 'Direct plus indirect revenue.' }) totalRevenue: number;
  @Field(() => Int, { description: 'Longest chain length (0: referred nobody).' }) depth: number;
  @Field(() => [ReferralLevelType], { description: 'The chain, level by level.' })
  levels: ReferralLevelType[];
}

@ObjectType('Advocate', {
  description:
    'A contact who speaks for the brand (domain findAdvocates over 90 days: repeated positive mentions or referrals).',
})
export class AdvocateType {
  @Field(() => AdvocacyContactType) contact: AdvocacyContactType;
  @Field(() => Float, { description: 'Influence score 0–100 (domain influenceScore).' })
  influence: number;
  @Field(() => Int, { description: 'Positive mentions in the window.' }) positiveMentions: number;
  @Field(() => Int, { description: 'Negative mentions in the window.' }) negativeMentions: number;
  @Field(() => Int, { description: 'Referrals in the window.' }) referrals: number;
  @Field(() => [String], { description: 'repeatedPositiveMentions and/or referrals.' })
  reasons: string[];
}

@ObjectType('Influencer', { description: 'A contact ranked by influence score.' })
export class InfluencerType {
  @Field(() => AdvocacyContactType) contact: AdvocacyContactType;
  @Field(() => Float, { description: 'Influence score 0–100 (domain influenceScore).' })
  influence: number;
  @Field(() => Float, { description: 'Followers across the contact’s identities.' })
  followers: number;
  @Field(() => Int, { description: 'Contacts this one referred.' }) referrals: number;
}

@ObjectType('ReferralIncentiveRule', {
  description:
    'What a referrer is owed: amount per qualifying referral plus a share of the referred contacts’ revenue, capped per referrer. Reporting currency.',
})
export class ReferralIncentiveRuleType {
  @Field(() => Float, { description: 'Fixed amount per qualifying referral.' }) amount: number;
  @Field(() => ReferralQualification, { description: 'When a referral qualifies.' })
  qualifyOn: ReferralQualification;
  @Field(() => Float, { description: 'Percent (0–100) of the referred contacts’ revenue.' })
  revenuePercent: number;
  @Field(() => Float, { nullable: true, description: 'Most one referrer is owed; none: no cap.' })
  capPerReferrer: number | null;
}

@InputType('ReferralIncentiveRuleInput', { description: 'The tenant’s referral incentive rule.' })
export class ReferralIncentiveRuleInput {
  @Field(() => Float, { description: 'Fixed amount per qualifying referral, ≥ 0.' })
  amount: number;
  @Field(() => ReferralQualification) qualifyOn: ReferralQualification;
  @Field(() => Float, { description: 'Percent of referred revenue, 0–100.' })
  revenuePercent: number;
  @Field(() => Float, { nullable: true, description: 'Cap per referrer; null for none.' })
  capPerReferrer?: number | null;
}

@ObjectType('ReferralIncentive', { description: 'What one referrer is owed under the rule.' })
export class ReferralIncentiveType {
  @Field(() => AdvocacyContactType) referrer: AdvocacyContactType;
  @Field(() => Int, { description: 'Referrals recorded.' }) referrals: number;
  @Field(() => Int, { description: 'Referrals that qualify under the rule.' })
  qualifyingReferrals: number;
  @Field(() => Float, { description: 'Revenue of the contacts this one referred directly.' })
  referredRevenue: number;
  @Field(() => Float, { description: 'Owed: fixed part plus revenue share, capped.' })
  owed: number;
  @Field(() => Boolean, { description: 'True when the cap cut what is owed.' }) capped: boolean;
}
