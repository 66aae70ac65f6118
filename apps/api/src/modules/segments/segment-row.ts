import type { Operation } from '../../platform/database/operation-scope.js';

/** A segment's member count: what is folded into the row plus the changes appended since. */
export const MEMBER_COUNT_SQL = `(s.member_count + coalesce((SELECT sum(d.delta) FROM segment_count_change d
  WHERE d.tenant_id = s.tenant_id AND d.segment_id = s.id), 0))::int`;

/** The columns a segment is answered with, from `segment s`. */
export const SEGMENT_COLUMNS_SQL = `s.id, s.name, s.description, s.kind, s.rule, ${MEMBER_COUNT_SQL} AS "memberCount",
  s.refresh_state AS "refreshState", s.refreshed_at AS "refreshedAt", s.created_at AS "createdAt",
  s.updated_at AS "updatedAt"`;

/**
 * Folds the appended count changes of these segments into their rows; only a caller holding
 * the segments' row locks may (changes appended concurrently stay for the next fold).
 */
export async function foldMemberCounts(
  op: Operation,
  segmentIds: readonly string[],
): Promise<void> {
  await (await op.manager()).query(
    `WITH folded AS (
       DELETE FROM segment_count_change WHERE tenant_id = $1 AND segment_id = ANY ($2::uuid[])
       RETURNING segment_id, delta)
     UPDATE segment s SET member_count = s.member_count + f.delta
     FROM (SELECT segment_id, sum(delta)::int AS delta FROM folded GROUP BY segment_id) f
     WHERE s.tenant_id = $1 AND s.id = f.segment_id`,
    [await op.tenantId(), segmentIds],
  );
}
