import {
  unsignedIntegerLiteral,
  uuidArrayLiteral,
  uuidLiteral,
} from '../../platform/database/sql-literals.js';
import { MENTION_COLUMNS } from '../mentions/index.js';

// The live feed's statements, as one-round-trip scripts (OperationScopes.script).

/**
 * A dispatch, as the statements of a one-round-trip script (OperationScopes.script): the
 * tenant's lock, then the move in one snapshot: `after` is the head before this append, the
 * appended rows are numbered on from it (a seq counts this tenant's entries only, so a cursor
 * tells nothing of other tenants), and the joined mentions (`withEntries`, when this process has readers to hand them to) are
 * those the moved outbox rows were committed with.
 */
export function feedDispatchScript(tenantId: string, withEntries: boolean): string[] {
  const tenant = uuidLiteral(tenantId);
  const mentions = withEntries
    ? `LEFT JOIN mention m ON m.tenant_id = ${tenant} AND m.id = f.mention_id
       LEFT JOIN social_identity a ON a.tenant_id = m.tenant_id AND a.id = m.author_identity_id`
    : '';
  return [
    `SELECT pg_advisory_xact_lock(hashtextextended('mention-feed:' || ${tenant}, 0))`,
    `WITH moved AS (DELETE FROM mention_outbox WHERE tenant_id = ${tenant} RETURNING id, mention_id, kind),
     head AS (SELECT coalesce(max(seq), 0) AS seq FROM mention_feed WHERE tenant_id = ${tenant}),
     appended AS (
       INSERT INTO mention_feed (tenant_id, seq, mention_id, kind)
       SELECT ${tenant}, head.seq + row_number() OVER (ORDER BY moved.id), mention_id, kind
       FROM moved, head
       RETURNING seq, mention_id, kind
     )
     SELECT f.seq::text AS seq, f.kind, (SELECT seq::text FROM head) AS after
            ${withEntries ? `, ${MENTION_COLUMNS}` : ''}
     FROM appended f
     ${mentions}
     ORDER BY f.seq`,
  ];
}

/** Entries after a cursor, oldest first; the arguments are SQL (parameters or literals). */
function readFeedSql(tenant: string, cursor: string, limit: string): string {
  return `SELECT f.seq::text AS seq, f.kind, ${MENTION_COLUMNS}
    FROM mention_feed f
    JOIN mention m ON m.tenant_id = f.tenant_id AND m.id = f.mention_id
    LEFT JOIN social_identity a ON a.tenant_id = m.tenant_id AND a.id = m.author_identity_id
    WHERE f.tenant_id = ${tenant} AND f.seq > ${cursor}
    ORDER BY f.seq LIMIT ${limit}`;
}

export const READ_FEED = readFeedSql('$1', '$2', '$3');

/** READ_FEED as the statement of a one-round-trip script. */
export function readFeedScript(tenantId: string, cursor: string, limit: number): string[] {
  return [
    readFeedSql(
      uuidLiteral(tenantId),
      unsignedIntegerLiteral(cursor),
      unsignedIntegerLiteral(limit),
    ),
  ];
}

/**
 * Which of a tenant's feed readers may still read, as the statement of a one-round-trip
 * script: a user's sign-in session is alive and they still work in the tenant; an API key is
 * not revoked. Answers the session ids and key ids that pass.
 */
export function liveFeedReadersScript(
  tenantId: string,
  sessions: ReadonlyArray<{ readonly userId: string; readonly sessionId: string }>,
  apiKeyIds: readonly string[],
): string[] {
  const tenant = uuidLiteral(tenantId);
  const users = uuidArrayLiteral(sessions.map((session) => session.userId));
  const sessionIds = uuidArrayLiteral(sessions.map((session) => session.sessionId));
  return [
    `SELECT s.session_id::text AS reader
     FROM unnest(${users}, ${sessionIds}) AS s(user_id, session_id)
     WHERE EXISTS (SELECT 1 FROM refresh_token r
                   WHERE r.family_id = s.session_id AND r.user_id = s.user_id AND r.revoked_at IS NULL)
       AND app.works_in_tenant(s.user_id, ${tenant})
     UNION ALL
     SELECT id::text FROM api_key
     WHERE tenant_id = ${tenant} AND id = ANY (${uuidArrayLiteral(apiKeyIds)}) AND revoked_at IS NULL`,
  ];
}
