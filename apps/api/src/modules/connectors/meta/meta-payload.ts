import type { META_CHANNELS } from '@socialcrm/validation';
import { MentionChannel } from '../../contacts/index.js';
import type { IngestMention } from '../../ingest/index.js';

type Node = Record<string, unknown>;

const OBJECT_OF = {
  [MentionChannel.FACEBOOK]: 'page',
  [MentionChannel.INSTAGRAM]: 'instagram',
} as const;

/**
 * Mentions in a Meta webhook delivery (Graph API webhooks: `object`, `entry[].changes[]`).
 * Facebook Page `feed` changes (posts and comments added or edited) and Instagram `comments`
 * carry their text. Changes without text (removals, likes, Instagram `mentions`, which only
 * name a media id to fetch from the Graph API) are skipped; so is another object than the
 * connector's channel.
 */
export function mentionsFromMetaDelivery(
  payload: unknown,
  channel: (typeof META_CHANNELS)[number],
): IngestMention[] {
  const body = payload as Node | null;
  if (!body || body.object !== OBJECT_OF[channel] || !Array.isArray(body.entry)) return [];
  return body.entry.flatMap((entry: Node) => {
    const changes = Array.isArray(entry?.changes) ? (entry.changes as Node[]) : [];
    return changes.flatMap((change) => {
      const value = (change?.value ?? {}) as Node;
      const mention =
        channel === MentionChannel.FACEBOOK
          ? fromPageChange(String(change.field), value, entry.time)
          : fromInstagramChange(String(change.field), value, entry.time);
      return mention ? [mention] : [];
    });
  });
}

function fromPageChange(field: string, value: Node, entryTime: unknown): IngestMention | null {
  if (field !== 'feed' && field !== 'mention') return null;
  if (value.verb !== 'add' && value.verb !== 'edited') return null;
  const text = str(value.message);
  const externalId = str(value.comment_id) || str(value.post_id);
  if (!text || !externalId) return null;
  const from = (value.from ?? {}) as Node;
  const authorId = str(from.id) || str(value.sender_id);
  const authorName = str(from.name) || str(value.sender_name);
  return {
    channel: MentionChannel.FACEBOOK,
    externalId,
    url: null,
    text,
    publishedAt: date(value.created_time ?? entryTime),
    author: { handle: authorId || authorName || 'unknown', displayName: authorName || null },
  };
}

function fromInstagramChange(field: string, value: Node, entryTime: unknown): IngestMention | null {
  if (field !== 'comments' && field !== 'live_comments' && field !== 'mentions') return null;
  const text = str(value.text);
  const externalId = str(value.id) || str(value.comment_id) || str(value.media_id);
  if (!text || !externalId) return null;
  const from = (value.from ?? {}) as Node;
  return {
    channel: MentionChannel.INSTAGRAM,
    externalId,
    url: null,
    text,
    publishedAt: date(value.timestamp ?? entryTime),
    author: { handle: str(from.username) || str(from.id) || 'unknown', displayName: null },
  };
}

const str = (value: unknown) =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

/** Meta sends Unix seconds (sometimes milliseconds) or ISO dates with a `+0000` offset. */
function date(value: unknown): Date {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value === 'string') {
    const parsed = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return new Date();
}
