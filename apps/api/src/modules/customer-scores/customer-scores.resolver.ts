import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import type { TenantRescored } from '../customer-upkeep/index.js';
import { RevenueParetoType, RfmGridType, RfmRecomputationType } from './customer-scores.type.js';
import { RfmBasis } from './rfm-basis.js';
import { revenuePareto, rfmGrid } from './rfm-reports.js';
import { scoreTenantRfmAll } from './rfm-scoring.js';

@Resolver()
export class CustomerScoresResolver {
  constructor(private readonly rescored: TenantRescored) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => RfmGridType, {
    description: 'Contacts and revenue per recency × frequency cell, on purchases or engagement.',
  })
  async rfmGrid(
    @Ctx() { operation }: GraphQLContext,
    @Arg('basis', () => RfmBasis, { defaultValue: RfmBasis.PURCHASES }) basis: RfmBasis,
  ) {
    return rfmGrid(operation, basis);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => RevenueParetoType, {
    description: 'How concentrated revenue is among customers, with the 80 % point.',
  })
  async revenuePareto(@Ctx() { operation }: GraphQLContext) {
    return revenuePareto(operation);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => RfmRecomputationType, {
    description:
      'Recomputes every contact’s RFM scores now, on purchases and on engagement (it also happens by itself after changes and daily).',
  })
  async recomputeRfm(@Ctx() { operation }: GraphQLContext) {
    return scoreTenantRfmAll(operation, this.rescored);
  }
}
