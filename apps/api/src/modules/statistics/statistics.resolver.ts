import { Arg, Authorized, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { MentionFilterInput } from '../mentions/index.js';
import { AgencyOverviewService } from './agency-overview.service.js';
import { AgencyOverview, MAX_OVERVIEW_TENANTS } from './agency-overview.type.js';
import { MentionStatsService } from './mention-stats.service.js';
import { MentionStats, VolumePoint } from './mention-stats.type.js';
import { StatsPeriodInput } from './stats-period.js';

@Resolver()
export class StatisticsResolver {
  constructor(
    private readonly stats: MentionStatsService,
    private readonly agencies: AgencyOverviewService,
  ) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => MentionStats, {
    description:
      'Volume, sentiment, share of voice, breakdowns by channel, language and brand, top authors, hashtags and terms, and spike alerts of a period.',
  })
  mentionStats(
    @Ctx() { operation }: GraphQLContext,
    @Arg('period', () => StatsPeriodInput) period: StatsPeriodInput,
    @Arg('filter', () => MentionFilterInput, { nullable: true }) filter: MentionFilterInput | null,
  ) {
    return this.stats.stats(operation, period, filter);
  }

  // Authorised in the service, which reads each tenant in an operation of its own: this
  // operation's transaction (which `@Authorized` would open) must not hold a connection meanwhile.
  @Query(() => AgencyOverview, {
    description: `The agency home: volume, net sentiment, own share of voice and trend of each tenant of an agency the caller is staff of (admin or member), at most ${MAX_OVERVIEW_TENANTS} tenants; each tenant is read as the caller in that tenant. FORBIDDEN for anyone else.`,
  })
  agencyOverview(
    @Ctx() { operation }: GraphQLContext,
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('period', () => StatsPeriodInput) period: StatsPeriodInput,
  ) {
    return this.agencies.overview(operation, agencyId, period);
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
