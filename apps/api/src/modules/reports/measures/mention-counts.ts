import type { EntityManager } from 'typeorm';
import { type CountsBook, type ReportScope, scopeParams } from './period-counts.js';

/**
 * Awareness and sentiment of both periods for every tenant of the scope, in one pass over the
 * mentions (the (tenant_id, published_at) index): volume, polarity, reach and the followers
 * of the distinct authors (each author's audience counted once per period, however often they
 * wrote; the brand's own accounts are not known apart from other authors).
 */
export async function readMentionCounts(
  manager: EntityManager,
  scope: ReportScope,
  book: CountsBook,
): Promise<void> {
  const rows: Array<{
    tenant_id: string;
    current: boolean;
    mentions: number;
    positive: number;
    neutral: number;
    negative: number;
    reach: number;
    followers: number;
  }> = await manager.query(
    `WITH m AS (
       SELECT m.tenant_id, m.published_at >= $3 AS current, m.author_identity_id,
              m.sentiment_label, m.reach
       FROM mention m
       WHERE m.tenant_id = ANY ($1::uuid[]) AND m.published_at >= $2 AND m.published_at < $4
     ), reached AS (
       SELECT a.tenant_id, a.current, sum(i.followers)::float8 AS followers
       FROM (SELECT DISTINCT tenant_id, current, author_identity_id FROM m
             WHERE author_identity_id IS NOT NULL) a
       JOIN social_identity i ON i.tenant_id = a.tenant_id AND i.id = a.author_identity_id
       GROUP BY 1, 2
     )
     SELECT m.tenant_id, m.current, count(*)::int AS mentions,
            count(*) FILTER (WHERE m.sentiment_label = 'POSITIVE')::int AS positive,
            count(*) FILTER (WHERE m.sentiment_label = 'NEUTRAL')::int AS neutral,
            count(*) FILTER (WHERE m.sentiment_label = 'NEGATIVE')::int AS negative,
            coalesce(sum(m.reach), 0)::float8 AS reach,
            coalesce(min(r.followers), 0)::float8 AS followers
     FROM m LEFT JOIN reached r ON r.tenant_id = m.tenant_id AND r.current = m.current
     GROUP BY 1, 2`,
    scopeParams(scope),
  );
  for (const row of rows) {
    const counts = book.at(row.tenant_id, row.current);
    counts.mentions = row.mentions;
    counts.positive = row.positive;
    counts.neutral = row.neutral;
    counts.negative = row.negative;
    counts.reach = row.reach;
    counts.followersReached = row.followers;
  }
}
