import { EventEmitter } from 'node:events';
import type { FeedSignal, FeedSignals } from './feed-signals.js';

/** One api process: signals stay in memory. */
export class InMemoryFeedSignals implements FeedSignals {
  protected readonly local = new EventEmitter().setMaxListeners(0);

  async publish(signal: FeedSignal): Promise<void> {
    this.local.emit(signal.tenantId, signal);
  }

  subscribe(tenantId: string, listener: (signal: FeedSignal) => void): () => void {
    this.local.on(tenantId, listener);
    return () => this.local.off(tenantId, listener);
  }

  async close(): Promise<void> {
    this.local.removeAllListeners();
  }
}
