import type { MentionChannel } from '../contacts/index.js';
import type { MentionType } from './mention.type.js';
import type { SentimentLabel } from './mention-enums.js';

/** Columns of a mention and its author, for queries over `mention m LEFT JOIN social_identity a`. */
export const MENTION_COLUMNS = `m.id, m.channel, m.external_id, m.url, m.body, m.brand_ids, m.language,
  m.sentiment_score, m.sentiment_label, m.reach, m.published_at, m.received_at, m.assigned_to,
  a.contact_id AS author_contact_id, a.id AS author_id, a.handle AS author_handle, a.display_name AS author_display_name, a.followers AS author_followers`;

export interface MentionRow {
  id: string;
  channel: MentionChannel;
  external_id: string;
  url: string | null;
  body: string;
  brand_ids: string[];
  language: string;
  sentiment_score: number;
  sentiment_label: SentimentLabel;
  reach: number;
  published_at: Date;
  received_at: Date;
  assigned_to: string | null;
  author_contact_id: string | null;
  author_id: string | null;
  author_handle: string | null;
  author_display_name: string | null;
  author_followers: number | null;
}

export function toMention(row: MentionRow): MentionType {
  return {
    id: row.id,
    channel: row.channel,
    externalId: row.external_id,
    url: row.url,
    text: row.body,
    brandIds: row.brand_ids,
    language: row.language,
    sentimentScore: row.sentiment_score,
    sentiment: row.sentiment_label,
    reach: row.reach,
    publishedAt: row.published_at,
    receivedAt: row.received_at,
    assignedToId: row.assigned_to,
    contactId: row.author_contact_id,
    author: row.author_id
      ? {
          id: row.author_id,
          channel: row.channel,
          handle: row.author_handle ?? '',
          displayName: row.author_display_name,
          followers: row.author_followers,
        }
      : null,
  };
}
