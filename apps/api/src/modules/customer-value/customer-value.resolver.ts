import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import type { CustomerValueService } from './customer-value.service.js';
import {
  ClvBucketType,
  CustomerValueFitInput,
  CustomerValueFitType,
  TopCustomerType,
} from './customer-value.type.js';

@Resolver()
export class CustomerValueResolver {
  constructor(private readonly values: CustomerValueService) {}

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => CustomerValueFitType, {
    description:
      'Fits BG/NBD and Gamma–Gamma on the tenant’s orders and values every contact, in the background; poll the fit’s state.',
  })
  fitCustomerValue(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => CustomerValueFitInput, { nullable: true })
    input: CustomerValueFitInput | null,
  ) {
    return this.values.requestFit(operation, input);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [CustomerValueFitType], { description: 'The tenant’s fits, newest first.' })
  customerValueFits(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
  ) {
    return this.values.fits(operation, first);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => CustomerValueFitType)
  customerValueFit(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.values.fit(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => CustomerValueFitType, {
    nullable: true,
    description: 'The latest fit that succeeded: the one contacts are valued by.',
  })
  latestCustomerValueFit(@Ctx() { operation }: GraphQLContext) {
    return this.values.latest(operation);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [ClvBucketType], { description: 'How many contacts have each range of CLV.' })
  clvDistribution(
    @Ctx() { operation }: GraphQLContext,
    @Arg('buckets', () => Int, { defaultValue: 20, description: '2 to 50.' }) buckets: number,
  ) {
    return this.values.distribution(operation, buckets);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [TopCustomerType], { description: 'The contacts of highest CLV.' })
  topCustomersByValue(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 10, description: '1 to 100.' }) first: number,
  ) {
    return this.values.top(operation, first);
  }
}
