import { newId } from '../../platform/database/new-id.js';
import {
  unsignedIntegerLiteral,
  uuidArrayLiteral,
  uuidLiteral,
} from '../../platform/database/sql-literals.js';
import { MENTION_COLUMNS } from './mention-row.js';

// The listening path's hot statements, some as one-round-trip scripts (OperationScopes.script).
// The ingest benchmark replays them as they are.

/** The tenant's lead setting with each of its brands (one row with null brand if none). */
export const INGEST_RULES = `SELECT t.auto_create_leads AS "autoCreatesLeads", b.id, b.name, b.kind, b.keywords,
           b.hashtags, b.handles, b.excluded_terms AS "excludedTerms"
    FROM tenant t LEFT JOIN tracked_brand b ON b.tenant_id = t.id
    WHERE t.id = $1 ORDER BY b.id`;

/**
 * New authors are inserted; known ones are updated only when something changed, so a
 * popular author's row is not locked by every concurrent batch that mentions them.
 */
export const UPSERT_AUTHORS = `WITH incoming AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[])
           AS a(id, channel, handle, display_name, followers)
       ), inserted AS (
         INSERT INTO social_identity (tenant_id, id, channel, handle, display_name, followers)
         SELECT $1, id, channel, handle, display_name, followers FROM incoming
         ON CONFLICT (tenant_id, channel, handle) DO NOTHING
         RETURNING id, channel, handle, contact_id
       ), changed AS (
         UPDATE social_identity s
            SET followers = coalesce(i.followers, s.followers),
                display_name = coalesce(i.display_name, s.display_name), updated_at = now()
           FROM incoming i
          WHERE s.tenant_id = $1 AND s.channel = i.channel AND s.handle = i.handle
            AND (s.followers, s.display_name)
                IS DISTINCT FROM (coalesce(i.followers, s.followers), coalesce(i.display_name, s.display_name))
       )
       SELECT id, channel, handle, contact_id AS "contactId" FROM inserted
       UNION ALL
       SELECT s.id, s.channel, s.handle, s.contact_id FROM social_identity s
       JOIN incoming i ON s.tenant_id = $1 AND s.channel = i.channel AND s.handle = i.handle`;

/** An author as UPSERT_AUTHORS takes it (handle without its @, lower-cased). */
export interface AuthorUpsert {
  readonly channel: string;
  readonly handle: string;
  readonly displayName: string | null;
  readonly followers: number | null;
}

/** UPSERT_AUTHORS's parameters, in its order; authors new to the tenant get these ids. */
export function upsertAuthorsParams(tenantId: string, authors: readonly AuthorUpsert[]): unknown[] {
  return [
    tenantId,
    authors.map(() => newId()),
    authors.map((author) => author.channel),
    authors.map((author) => author.handle),
    authors.map((author) => author.displayName),
    authors.map((author) => author.followers),
  ];
}

/** Stored and edited mentions that match a brand enter the outbox in the same statement. */
export const UPSERT_MENTIONS = `WITH upserted AS (
       INSERT INTO mention (tenant_id, id, channel, external_id, url, body, author_identity_id, brand_ids,
                            language, sentiment_score, sentiment_label, reach, published_at)
       SELECT $1, m.id, m.channel, m.external_id, m.url, m.body, m.author, m.brand_ids::uuid[],
              m.language, m.score, m.label, m.reach, m.published_at
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[],
                   $9::text[], $10::real[], $11::text[], $12::int[], $13::timestamptz[])
         AS m(id, channel, external_id, url, body, author, brand_ids, language, score, label, reach, published_at)
       ON CONFLICT (tenant_id, channel, external_id) DO UPDATE
         SET url = EXCLUDED.url, body = EXCLUDED.body, brand_ids = EXCLUDED.brand_ids, language = EXCLUDED.language,
             sentiment_score = EXCLUDED.sentiment_score, sentiment_label = EXCLUDED.sentiment_label,
             reach = EXCLUDED.reach, published_at = EXCLUDED.published_at, updated_at = now()
         WHERE (mention.body, mention.url, mention.reach, mention.brand_ids)
               IS DISTINCT FROM (EXCLUDED.body, EXCLUDED.url, EXCLUDED.reach, EXCLUDED.brand_ids)
       RETURNING id, channel, external_id, (xmax = 0) AS inserted, cardinality(brand_ids) > 0 AS matched
       ), queued AS (
         INSERT INTO mention_outbox (tenant_id, mention_id, kind)
         SELECT $1, id, CASE WHEN inserted THEN 'CREATED' ELSE 'UPDATED' END FROM upserted WHERE matched
       )
       SELECT * FROM upserted`;

/** A mention as UPSERT_MENTIONS takes it, understood. */
export interface MentionUpsert {
  readonly channel: string;
  readonly externalId: string;
  readonly url: string | null;
  readonly body: string;
  readonly authorId: string | null;
  readonly brandIds: readonly string[];
  readonly language: string;
  readonly sentimentScore: number;
  readonly sentiment: string;
  readonly reach: number;
  readonly publishedAt: Date | string;
}

/** UPSERT_MENTIONS's parameters, in its order; mentions new to the tenant get these ids. */
export function upsertMentionsParams(
  tenantId: string,
  mentions: readonly MentionUpsert[],
): unknown[] {
  return [
    tenantId,
    mentions.map(() => newId()),
    mentions.map((mention) => mention.channel),
    mentions.map((mention) => mention.externalId),
    mentions.map((mention) => mention.url),
    mentions.map((mention) => mention.body),
    mentions.map((mention) => mention.authorId),
    mentions.map((mention) => `{${mention.brandIds.join(',')}}`),
    mentions.map((mention) => mention.language),
    mentions.map((mention) => mention.sentimentScore),
    mentions.map((mention) => mention.sentiment),
    mentions.map((mention) => mention.reach),
    mentions.map((mention) => mention.publishedAt),
  ];
}

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
