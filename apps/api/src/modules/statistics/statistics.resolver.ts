import { Arg, Authorized, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { MentionFilterInput } from '../mentions/index.js';
import { MentionStatsService } from './mention-stats.service.js';
import { MentionStats, StatsPeriodInput, VolumePoint } from './mention-stats.type.js';

@Resolver()
export class StatisticsResolver {
  constructor(private readonly stats: MentionStatsService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => MentionStats, {
    description: 'Volume, sentiment, share of voice, top authors and spike alerts of a period.',
  })
  mentionStats(
    @Ctx() { operation }: GraphQLContext,
    @Arg('period', () => StatsPeriodInput) period: StatsPeriodInput,
    @Arg('filter', () => MentionFilterInput, { nullable: true }) filter: MentionFilterInput | null,
  ) {
    return this.stats.stats(operation, period, filter);
  }

  // Authorised inside the source, like the live feed's subscriptions.
  @Subscription(() => VolumePoint, {
    description:
      "Today's mention volume whenever it becomes a spike against the trailing days (same detector as `mentionStats`), once a day.",
    subscribe: ({ args, context }) => {
      const { request, live } = context as GraphQLContext;
      return live.spikes.open(request, args.brandIds ?? null);
    },
  })
  spikeAlerts(
    @Root() spike: VolumePoint,
    @Arg('brandIds', () => [ID], { nullable: true, description: 'Only mentions of these brands.' })
    _brandIds: string[] | null,
  ): VolumePoint {
    return spike;
  }
}
