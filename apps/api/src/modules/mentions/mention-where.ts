import type { MentionFilter } from './inputs/mention-filter.input.js';

/** Mentions with their authors: the relation `mentionWhere` is written against. */
export const MENTION_FROM =
  'FROM mention m LEFT JOIN social_identity a ON a.tenant_id = m.tenant_id AND a.id = m.author_identity_id';

/**
 * The predicate of a mention filter over `mention m LEFT JOIN social_identity a`, for one
 * tenant and matched mentions only. Every criterion is a parameter; an absent one is NULL and
 * drops out, so the SQL text is the same for every filter (one plan).
 */
export function mentionWhere(
  tenantId: string,
  filter: MentionFilter,
): { sql: string; params: unknown[] } {
  return {
    sql: `m.tenant_id = $1 AND cardinality(m.brand_ids) > 0
      AND ($2::uuid[] IS NULL OR m.brand_ids && $2::uuid[])
      AND ($3::text[] IS NULL OR m.channel = ANY ($3::text[]))
      AND ($4::text[] IS NULL OR m.sentiment_label = ANY ($4::text[]))
      AND ($5::text[] IS NULL OR m.language = ANY ($5::text[]))
      AND ($6::text IS NULL OR a.handle = $6)
      AND ($7::timestamptz IS NULL OR m.published_at >= $7)
      AND ($8::timestamptz IS NULL OR m.published_at < $8)
      AND ($9::text IS NULL OR m.search @@ plainto_tsquery('simple', $9))`,
    params: [
      tenantId,
      filter.brandIds?.length ? filter.brandIds : null,
      filter.channels?.length ? filter.channels : null,
      filter.sentiments?.length ? filter.sentiments : null,
      filter.languages?.length ? filter.languages : null,
      filter.authorHandle ? filter.authorHandle.replace(/^@/, '').toLowerCase() : null,
      filter.from ?? null,
      filter.to ?? null,
      filter.search ?? null,
    ],
  };
}
