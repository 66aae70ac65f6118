import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { MentionFeedService, TenantFeedChannels } from '../live-feed/index.js';
import { LiveSpikeAlerts } from './live-spike-alerts.js';
import { MentionStatsService } from './mention-stats.service.js';
import { StatisticsResolver } from './statistics.resolver.js';

declare module '../../platform/graphql/graphql-context.js' {
  interface LiveSources {
    readonly spikes: LiveSpikeAlerts;
  }
}

/** What the marketing team reports: volume, sentiment, share of voice, top authors, spikes. */
export const statisticsModule = defineModule({
  name: 'statistics',
  resolvers: [StatisticsResolver],
  build({
    scopes,
    feed,
    channels,
  }: {
    scopes: OperationScopes;
    feed: MentionFeedService;
    channels: TenantFeedChannels;
  }) {
    const stats = new MentionStatsService();
    return {
      resolvers: [new StatisticsResolver(stats)],
      live: { spikes: new LiveSpikeAlerts(scopes, feed, stats, channels) },
      offers: {},
    };
  },
});
