import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface FeedEvent {
  readonly cursor: string;
  readonly kind: string;
  readonly mention: { id: string; externalId: string; sentiment: string; brandIds: string[] };
}

export const MENTION_ADDED = `subscription($filter: MentionFilterInput, $after: String) {
  mentionAdded(filter: $filter, after: $after) { cursor kind mention { id externalId sentiment brandIds } }
}`;

export const MENTIONS_ADDED = `subscription($filter: MentionFilterInput, $after: String) {
  mentionsAdded(filter: $filter, after: $after) { cursor kind mention { id externalId sentiment brandIds } }
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
      { query: batched ? MENTIONS_ADDED : MENTION_ADDED, variables },
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

  async close(): Promise<void> {
    this.stop();
    await this.client.dispose();
  }
}

/** The feed's latest cursor for a caller: subscribing with it as `after` misses nothing after now. */
export async function feedCursor(
  graphqlUrl: string,
  token: string,
  tenantId: string,
): Promise<string> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-tenant-id': tenantId,
    },
    body: JSON.stringify({ query: '{ mentionFeedCursor }' }),
  });
  const body = (await response.json()) as { data?: { mentionFeedCursor: string } };
  if (!body.data) throw new Error(`no feed cursor: ${JSON.stringify(body)}`);
  return body.data.mentionFeedCursor;
}
