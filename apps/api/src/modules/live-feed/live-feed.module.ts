import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import { watchSubscribers } from './feed-metrics.js';
import { LiveFeedResolver } from './live-feed.resolver.js';
import { LIVE_FEED_QUEUES } from './live-feed-queues.js';
import { LiveMentionFeed } from './live-mention-feed.js';
import { MentionFeedService } from './mention-feed.service.js';
import type { FeedSignals } from './signals/feed-signals.js';
import { TenantFeedChannels } from './tenant-feed-channels.js';

declare module '../../platform/graphql/graphql-context.js' {
  interface LiveSources {
    readonly mentions: LiveMentionFeed;
  }
}

/**
 * The live feed: committed mentions become each tenant's ordered log, signalled across
 * replicas, read once per process and handed to every subscriber.
 */
export const liveFeedModule = defineModule({
  name: 'live-feed',
  resolvers: [LiveFeedResolver],
  queues: LIVE_FEED_QUEUES,
  build({
    scopes,
    signals,
    pollMs,
  }: {
    scopes: OperationScopes;
    signals: FeedSignals;
    pollMs: number;
  }) {
    const feed = new MentionFeedService(scopes, signals);
    const channels = new TenantFeedChannels(feed, signals, pollMs);
    watchSubscribers(() => channels.subscriberCount());
    return {
      resolvers: [new LiveFeedResolver(feed)],
      live: { mentions: new LiveMentionFeed(feed, channels) },
      jobs: [
        {
          definition: { name: 'live-feed.sweep', everySeconds: 30, retryLimit: 0 },
          handler: () => feed.sweep(),
        },
      ],
      stop: async () => {
        channels.close();
        await signals.close();
      },
      offers: { feed, channels },
    };
  },
});
