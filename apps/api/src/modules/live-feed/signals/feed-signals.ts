/**
 * "Tenant T's feed has grown to seq N." Signals carry ids only (a Redis payload skips
 * row-level security); each process's reader of the tenant's feed reads the entries through
 * an RLS-scoped transaction. A lost signal costs latency, never data: readers also poll.
 */
/** A feed seq as the api hands it out (a cursor, a signal's head): decimal digits, bigint range. */
export const isFeedSeq = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{1,18}$/.test(value);

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
