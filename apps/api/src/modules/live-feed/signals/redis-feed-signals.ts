import type { Redis } from 'ioredis';
import { log } from '../../../platform/logging/log.js';
import { isUuid } from '../../../platform/uuid.js';
import { type FeedSignal, isFeedSeq } from './feed-signals.js';
import { InMemoryFeedSignals } from './in-memory-feed-signals.js';

const CHANNEL = 'socialcrm:mention-feed';

/**
 * Several api replicas: every signal goes through one Redis channel and each replica fans it
 * out to its own subscribers. Redis pub/sub is at-most-once; readers poll the feed as well.
 */
export class RedisFeedSignals extends InMemoryFeedSignals {
  private constructor(
    private readonly publisher: Redis,
    private readonly listener: Redis,
  ) {
    super();
  }

  static async connect(publisher: Redis): Promise<RedisFeedSignals> {
    const listener = publisher.duplicate();
    // Its outages are the publisher's: watchRedis reports them once.
    listener.on('error', () => {});
    const signals = new RedisFeedSignals(publisher, listener);
    listener.on('message', (_channel: string, message: string) => {
      const signal = parseSignal(message);
      if (signal) signals.local.emit(signal.tenantId, signal);
      else log.warn('ignored a malformed feed signal from Redis');
    });
    await listener.subscribe(CHANNEL);
    return signals;
  }

  override async publish(signal: FeedSignal): Promise<void> {
    await this.publisher.publish(
      CHANNEL,
      JSON.stringify({ tenantId: signal.tenantId, seq: signal.seq }),
    );
  }

  override async close(): Promise<void> {
    await super.close();
    this.listener.disconnect();
  }
}

/** A signal as published above, or null: the tenant id becomes an event name, so it is checked. */
function parseSignal(message: string): FeedSignal | null {
  try {
    const { tenantId, seq } = JSON.parse(message) as Partial<FeedSignal>;
    if (typeof tenantId !== 'string' || !isUuid(tenantId)) return null;
    if (!isFeedSeq(seq)) return null;
    return { tenantId, seq };
  } catch {
    return null;
  }
}
