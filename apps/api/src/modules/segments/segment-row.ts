/** The columns a segment is answered with, from `segment s`. */
export const SEGMENT_COLUMNS_SQL = `s.id, s.name, s.description, s.kind, s.rule, s.member_count AS "memberCount",
  s.refresh_state AS "refreshState", s.refreshed_at AS "refreshedAt", s.created_at AS "createdAt",
  s.updated_at AS "updatedAt"`;
