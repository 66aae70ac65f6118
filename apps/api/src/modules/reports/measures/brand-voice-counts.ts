import type { EntityManager } from 'typeorm';
import { type CountsBook, type ReportScope, scopeParams } from './period-counts.js';

/**
 * Every tracked brand of every tenant of the scope with its mentions and reach in both
 * periods (0 when none): the voices share of voice weighs. A mention naming two brands
 * speaks for both.
 */
export async function readBrandVoiceCounts(
  manager: EntityManager,
  scope: ReportScope,
  book: CountsBook,
): Promise<void> {
  const rows: Array<{
    tenant_id: string;
    current: boolean;
    brand_id: string;
    name: string;
    own: boolean;
    mentions: number;
    reach: number;
  }> = await manager.query(
    `WITH voice AS (
       SELECT m.tenant_id, m.published_at >= $3 AS current, b.brand_id,
              count(*)::int AS mentions, coalesce(sum(m.reach), 0)::float8 AS reach
       FROM mention m CROSS JOIN LATERAL unnest(m.brand_ids) AS b (brand_id)
       WHERE m.tenant_id = ANY ($1::uuid[]) AND m.published_at >= $2 AND m.published_at < $4
       GROUP BY 1, 2, 3
     )
     SELECT b.tenant_id, p.current, b.id AS brand_id, b.name, b.kind = 'OWN' AS own,
            coalesce(v.mentions, 0) AS mentions, coalesce(v.reach, 0)::float8 AS reach
     FROM tracked_brand b
     CROSS JOIN (VALUES (true), (false)) AS p (current)
     LEFT JOIN voice v ON v.tenant_id = b.tenant_id AND v.brand_id = b.id AND v.current = p.current
     WHERE b.tenant_id = ANY ($1::uuid[])
     ORDER BY b.tenant_id, p.current, mentions DESC, b.name`,
    scopeParams(scope),
  );
  for (const row of rows) {
    book.at(row.tenant_id, row.current).brands.push({
      brandId: row.brand_id,
      name: row.name,
      own: row.own,
      mentions: row.mentions,
      reach: row.reach,
    });
  }
}
