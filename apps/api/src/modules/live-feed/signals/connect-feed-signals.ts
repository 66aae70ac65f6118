import type { Redis } from 'ioredis';
import type { FeedSignals } from './feed-signals.js';
import { InMemoryFeedSignals } from './in-memory-feed-signals.js';
import { RedisFeedSignals } from './redis-feed-signals.js';

/** Through Redis when the api runs as several replicas; in memory for one process. */
export function connectFeedSignals(redis: Redis | undefined): Promise<FeedSignals> {
  return redis ? RedisFeedSignals.connect(redis) : Promise.resolve(new InMemoryFeedSignals());
}
