import { newId } from '../../platform/database/new-id.js';

// The ingest path's hot statements. The ingest benchmark replays them as they are.

/** The tenant's lead setting with each of its brands (one row with null brand if none). */
export const INGEST_RULES = `SELECT t.auto_create_leads AS "autoCreatesLeads", b.id, b.name, b.kind, b.keywords,
           b.hashtags, b.handles, b.excluded_terms AS "excludedTerms"
    FROM tenant t LEFT JOIN tracked_brand b ON b.tenant_id = t.id
    WHERE t.id = $1 ORDER BY b.id`;

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
