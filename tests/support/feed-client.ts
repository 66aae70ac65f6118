import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type Caller, gql } from './graphql-client.js';

export interface FeedEvent {
  readonly cursor: string;
  readonly kind: string;
  readonly mention: { id: string; externalId: string; sentiment: string; brandIds: string[] };
}

/** The live feed, entry by entry (`mentionAdded`) or in batches (`mentionsAdded`). */
const feedSubscription = (field: 'mentionAdded' | 'mentionsAdded') =>
  `subscription($filter: MentionFilterInput, $after: String) {
  ${field}(filter: $filter, after: $after) { cursor kind mention { id externalId sentiment brandIds } }
}`;

/**
 * A live-feed subscriber over graphql-ws, collecting what it receives: `mentionAdded` entry by
 * entry, or `mentionsAdded` in batches when `batched`.
 */
export class FeedSubscriber {
  readonly events: FeedEvent[] = [];
  /** The size of each message's batch (one per message for `mentionAdded`). */
  readonly batches: number[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  private readonly client: Client;
  private readonly stop: () => void;

  constructor(
    graphqlUrl: string,
    token: string,
    tenantId: string,
    variables: Record<string, unknown> = {},
    { batched = false } = {},
  ) {
    this.client = createClient({
      url: graphqlUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}`, tenantId },
      retryAttempts: 0,
    });
    this.stop = this.client.subscribe<{ mentionAdded?: FeedEvent; mentionsAdded?: FeedEvent[] }>(
      { query: feedSubscription(batched ? 'mentionsAdded' : 'mentionAdded'), variables },
      {
        next: (result) => {
          if (result.errors) this.errors.push(...result.errors);
          const { mentionAdded, mentionsAdded } = result.data ?? {};
          const received = mentionsAdded ?? (mentionAdded ? [mentionAdded] : []);
          if (received.length) this.batches.push(received.length);
          this.events.push(...received);
        },
        error: (error) => this.errors.push(error),
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  /** Resolves once `count` events arrived (or rejects after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 10_000): Promise<FeedEvent[]> {
    const started = Date.now();
    while (this.events.length < count) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`received ${this.events.length} of ${count} events`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.events;
  }

  /**
   * Waits for the mention `externalId` and returns what came before it. The feed is delivered
   * in order, so a marker ingested last proves nothing more is coming before it: no fixed wait.
   */
  async eventsBefore(externalId: string, timeoutMs = 10_000): Promise<FeedEvent[]> {
    const started = Date.now();
    for (;;) {
      const index = this.events.findIndex((event) => event.mention.externalId === externalId);
      if (index >= 0) return this.events.slice(0, index);
      if (Date.now() - started > timeoutMs)
        throw new Error(`${externalId} not among ${this.events.length} events`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    this.stop();
    await this.client.dispose();
  }
}

/** The feed's latest cursor for a caller: subscribing with it as `after` misses nothing after now. */
export async function feedCursor(graphqlUrl: string, caller: Caller): Promise<string> {
  const { data, errors } = await gql<{ mentionFeedCursor: string }>(
    graphqlUrl,
    '{ mentionFeedCursor }',
    {},
    caller,
  );
  if (!data) throw new Error(`no feed cursor: ${JSON.stringify(errors)}`);
  return data.mentionFeedCursor;
}
