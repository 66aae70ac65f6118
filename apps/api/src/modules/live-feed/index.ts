// What the live feed offers the others: dispatching after a commit, and following a channel.
export { endOnRefusal, FeedSubscriber } from './feed-subscriber.js';
export { liveFeedModule } from './live-feed.module.js';
export type { MentionFeedService } from './mention-feed.service.js';
export { connectFeedSignals } from './signals/connect-feed-signals.js';
export type { TenantFeedChannels } from './tenant-feed-channels.js';
