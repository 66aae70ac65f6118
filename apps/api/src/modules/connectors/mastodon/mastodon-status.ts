import { MentionChannel } from '../../contacts/index.js';
import type { IngestMention } from '../../ingest/index.js';
import { htmlToText } from '../runtime/html-text.js';

/** The fields of Mastodon's Status entity that a mention needs. */
export interface MastodonStatus {
  readonly id: string;
  readonly uri?: string;
  readonly url?: string | null;
  readonly content?: string;
  readonly spoiler_text?: string;
  readonly created_at?: string;
  readonly reblog?: unknown;
  readonly account?: {
    readonly acct?: string;
    readonly username?: string;
    readonly display_name?: string;
    readonly followers_count?: number;
  };
  readonly replies_count?: number;
  readonly reblogs_count?: number;
  readonly favourites_count?: number;
}

/**
 * A status as a mention, or null for what is not a post of its own (a boost) or has no text.
 * Local accounts' `acct` lacks the domain; it is added so handles are the same everywhere.
 */
export function statusToMention(status: MastodonStatus, serverHost: string): IngestMention | null {
  if (status.reblog || typeof status.id !== 'string') return null;
  const text = [status.spoiler_text ?? '', htmlToText(status.content ?? '')]
    .filter(Boolean)
    .join(' — ')
    .slice(0, 20_000);
  if (!text) return null;
  const acct = status.account?.acct || status.account?.username || 'unknown';
  const url = status.url ?? status.uri ?? null;
  return {
    channel: MentionChannel.MASTODON,
    externalId: status.id,
    url: url && /^https?:\/\//.test(url) ? url : null,
    text,
    publishedAt: status.created_at ? new Date(status.created_at) : new Date(),
    author: {
      handle: acct.includes('@') ? acct : `${acct}@${serverHost}`,
      displayName: status.account?.display_name || null,
      followers: count(status.account?.followers_count),
    },
    metrics: {
      replies: count(status.replies_count),
      shares: count(status.reblogs_count),
      likes: count(status.favourites_count),
    },
  };
}

const count = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
