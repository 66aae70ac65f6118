import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { MentionFeedService, TenantFeedChannels } from '../live-feed/index.js';
import { AgencyOverviewService } from './agency-overview.service.js';
import { LiveSpikeAlerts } from './live-spike-alerts.js';
import { MentionBreakdownService } from './mention-breakdowns.service.js';
import { MentionStatsService } from './mention-stats.service.js';
import { MentionStatsFieldsResolver } from './mention-stats-fields.resolver.js';
import { StatisticsResolver } from './statistics.resolver.js';
import { TopTermsService } from './top-terms.service.js';

declare module '../../platform/graphql/graphql-context.js' {
  interface LiveSources {
    readonly spikes: LiveSpikeAlerts;
  }
}

/**
 * What the marketing team reports: volume, sentiment, share of voice, breakdowns, top authors,
 * hashtags and terms, spikes; and the agency home, every tenant of an agency side by side.
 */
export const statisticsModule = defineModule({
  name: 'statistics',
  resolvers: [StatisticsResolver, MentionStatsFieldsResolver],
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
      resolvers: [
        new StatisticsResolver(stats, new AgencyOverviewService(scopes, stats)),
        new MentionStatsFieldsResolver(new MentionBreakdownService(), new TopTermsService()),
      ],
      live: { spikes: new LiveSpikeAlerts(scopes, feed, stats, channels) },
      offers: {},
    };
  },
});
