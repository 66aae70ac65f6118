import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import {
  AdvocateType,
  InfluencerType,
  RecordReferralInput,
  ReferralConnection,
  ReferralIncentiveRuleInput,
  ReferralIncentiveRuleType,
  ReferralIncentiveType,
  ReferralType,
  ReferralValueType,
} from './advocacy.type.js';
import type { AdvocacyRanking } from './advocacy-ranking.js';
import type { ReferralService } from './referral.service.js';
import type { ReferralIncentives } from './referral-incentives.js';

@Resolver()
export class AdvocacyResolver {
  constructor(
    private readonly referralService: ReferralService,
    private readonly ranking: AdvocacyRanking,
    private readonly incentives: ReferralIncentives,
  ) {}

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ReferralType, {
    description:
      'Records that one contact referred another; refuses self-referral, a second referrer and cycles (errors name the field).',
  })
  recordReferral(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => RecordReferralInput) input: RecordReferralInput,
  ) {
    return this.referralService.record(operation, input);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ID, { description: 'Deletes a referral; answers its id.' })
  deleteReferral(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.referralService.delete(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => ReferralConnection, { description: 'The tenant’s referrals, newest first.' })
  referrals(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the previous page.' })
    after: string | null,
    @Arg('contactId', () => ID, {
      nullable: true,
      description: 'Only referrals this contact made or received.',
    })
    contactId: string | null,
  ) {
    return this.referralService.page(operation, first, after, contactId);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => ReferralValueType, {
    description: 'The revenue a contact’s referral chain brought, directly and transitively.',
  })
  referralValue(@Ctx() { operation }: GraphQLContext, @Arg('contactId', () => ID) id: string) {
    return this.referralService.value(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [ReferralValueType], {
    description: 'Referrers ranked by the total revenue of their chains.',
  })
  referralLeaderboard(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
  ) {
    return this.referralService.leaderboard(operation, first);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [AdvocateType], {
    description: 'Advocates (domain findAdvocates, last 90 days), highest influence first.',
  })
  advocates(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
  ) {
    return this.ranking.advocates(operation, first);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [InfluencerType], { description: 'Contacts ranked by influence score.' })
  influencers(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
  ) {
    return this.ranking.influencers(operation, first);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [ReferralIncentiveType], {
    description: 'What each referrer is owed under the tenant’s incentive rule, most first.',
  })
  referralIncentives(@Ctx() { operation }: GraphQLContext) {
    return this.incentives.owed(operation);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => ReferralIncentiveRuleType, { description: 'The tenant’s referral incentive rule.' })
  referralIncentiveRule(@Ctx() { operation }: GraphQLContext) {
    return this.incentives.rule(operation);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => ReferralIncentiveRuleType, {
    description: 'Sets the tenant’s referral incentive rule.',
  })
  updateReferralIncentiveRule(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => ReferralIncentiveRuleInput) input: ReferralIncentiveRuleInput,
  ) {
    return this.incentives.updateRule(operation, input);
  }
}
