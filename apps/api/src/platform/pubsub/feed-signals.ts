/**
 * "Tenant T's feed has grown to seq N." Signals carry ids only (NOTIFY and Redis payloads skip
 * row-level security); subscribers read the feed itself through their own RLS-scoped
 * transaction. A lost signal costs latency, never data: readers also poll.
 */
export interface FeedSignal {
  readonly tenantId: string;
  readonly seq: string;
}

export interface FeedSignals {
  publish(signal: FeedSignal): Promise<void>;
  /** Calls `listener` for every signal of `tenantId`; returns the unsubscribe function. */
  subscribe(tenantId: string, listener: (signal: FeedSignal) => void): () => void;
  close(): Promise<void>;
}
