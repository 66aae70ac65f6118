/** The live feed's job queues (created by the owner when migrating). */
export const LIVE_FEED_QUEUES = ['live-feed.sweep'] as const;
