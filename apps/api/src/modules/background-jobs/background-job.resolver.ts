import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { BackgroundJobService } from './background-job.service.js';
import { BackgroundJobType } from './background-job.type.js';

@Resolver()
export class BackgroundJobResolver {
  constructor(private readonly jobs: BackgroundJobService) {}

  @Authorized(TenantRole.OWNER)
  @Query(() => [BackgroundJobType], {
    description:
      "The tenant's most recent background jobs (feed polls…), newest first: owners only.",
  })
  backgroundJobs(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many, 1 to 100.' })
    first: number,
  ) {
    return this.jobs.recent(operation, first);
  }
}
