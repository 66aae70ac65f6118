import type { EntityManager } from 'typeorm';

/** What the brands page shows of a brand's mentions. */
export interface BrandMentionStats {
  readonly mentionCount: number;
  readonly lastMentionAt: Date | null;
}

export const NO_MENTIONS: BrandMentionStats = { mentionCount: 0, lastMentionAt: null };

/**
 * One grouped scan of the tenant's (`$1`) mentions for a set of brands: how many each has and
 * when its latest was published. `ids` is an SQL uuid[] expression (a parameter, a scalar
 * subquery: cast, so `= ANY` reads it as an array); the overlap lets the brand_ids index help.
 */
export const mentionStatsSql = (ids: string) =>
  `SELECT x.id AS brand_id, count(*)::int AS mention_count, max(m.published_at) AS last_mention_at
   FROM mention m CROSS JOIN LATERAL unnest(m.brand_ids) AS x(id)
   WHERE m.tenant_id = $1 AND m.brand_ids && ${ids} AND x.id = ANY (CAST(${ids} AS uuid[]))
   GROUP BY x.id`;

/** The stats of the given brands, in one statement; brands without mentions are absent. */
export async function mentionStatsOf(
  manager: EntityManager,
  tenantId: string,
  brandIds: readonly string[],
): Promise<Map<string, BrandMentionStats>> {
  const rows: Array<{ brand_id: string; mention_count: number; last_mention_at: Date }> =
    await manager.query(mentionStatsSql('$2::uuid[]'), [tenantId, brandIds]);
  return new Map(
    rows.map((row) => [
      row.brand_id,
      { mentionCount: row.mention_count, lastMentionAt: row.last_mention_at },
    ]),
  );
}
