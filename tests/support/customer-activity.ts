import { withClient } from './databases.js';
import { type Caller, gql } from './graphql-client.js';
import type { Suite } from './suite.js';

const DAY = 86_400_000;

export interface Order {
  contactId: string;
  daysAgo: number;
  amount: number;
}
export interface Engagement {
  contactId: string;
  daysAgo: number;
  kind: 'OPENED' | 'CLICKED' | 'SENT';
}

let external = 0;

/** Writes orders and engagement events straight to the database, as the tenant (amounts in EUR). */
export async function writeActivity(
  databaseUrl: string,
  tenantId: string,
  now: number,
  orders: readonly Order[],
  events: readonly Engagement[],
) {
  // Six hours off the day boundary, so recency in whole days cannot change within a test.
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY - 6 * 3_600_000).toISOString();
  await withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    await db.query(
      `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency, reporting_amount, item_count)
       SELECT $1, gen_random_uuid(), e, c, t, a, 'EUR', a, 1
       FROM unnest($2::text[], $3::uuid[], $4::timestamptz[], $5::numeric[]) AS o(e, c, t, a)`,
      [
        tenantId,
        orders.map(() => `scores-order-${++external}`),
        orders.map((order) => order.contactId),
        orders.map((order) => at(order.daysAgo)),
        orders.map((order) => order.amount),
      ],
    );
    await db.query(
      `INSERT INTO engagement_event (tenant_id, id, external_id, contact_id, kind, occurred_at)
       SELECT $1, gen_random_uuid(), e, c, k, t
       FROM unnest($2::text[], $3::uuid[], $4::text[], $5::timestamptz[]) AS v(e, c, k, t)`,
      [
        tenantId,
        events.map(() => `scores-event-${++external}`),
        events.map((event) => event.contactId),
        events.map((event) => event.kind),
        events.map((event) => at(event.daysAgo)),
      ],
    );
    await db.query('COMMIT');
  });
}

/** Waits until the upkeep has carried every change into the contacts' metrics. */
export async function settled(suite: Suite, caller: Caller) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const state = await gql<{ pendingContactUpdates: number }>(
      suite.api.graphqlUrl,
      '{ pendingContactUpdates }',
      {},
      caller,
    );
    if (state.data?.pendingContactUpdates === 0) return;
    if (Date.now() > deadline) throw new Error(`upkeep did not settle: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface AuthoredMention {
  contactId: string;
  daysAgo: number;
  /** −1 to 1. */
  sentiment: number;
}

/**
 * Mentions written by contacts (through an X identity of each, made when missing) with their
 * timeline entries, as ingest records them; returns the mentions' ids in order.
 */
export async function writeMentions(
  databaseUrl: string,
  tenantId: string,
  now: number,
  mentions: readonly AuthoredMention[],
): Promise<string[]> {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY - 6 * 3_600_000).toISOString();
  const externals = mentions.map(() => `scores-mention-${++external}`);
  return withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    await db.query(
      `INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle)
       SELECT $1::uuid, gen_random_uuid(), c, 'X', 'author-' || c
       FROM (SELECT DISTINCT c FROM unnest($2::uuid[]) AS c) AS authors
       ON CONFLICT DO NOTHING`,
      [tenantId, mentions.map((mention) => mention.contactId)],
    );
    const { rows } = await db.query(
      `WITH written AS (
         INSERT INTO mention (tenant_id, id, channel, external_id, body, author_identity_id, language,
                              sentiment_score, sentiment_label, published_at)
         SELECT $1, gen_random_uuid(), 'X', e, 'mention ' || e, s.id, 'en', v,
                CASE WHEN v > 0.2 THEN 'POSITIVE' WHEN v < -0.2 THEN 'NEGATIVE' ELSE 'NEUTRAL' END, t
         FROM unnest($2::text[], $3::uuid[], $4::real[], $5::timestamptz[], $6::int[]) AS m(e, c, v, t, i)
         JOIN social_identity s ON s.tenant_id = $1 AND s.channel = 'X' AND s.handle = 'author-' || m.c
         ORDER BY i
         RETURNING id, author_identity_id, external_id, published_at
       ), entered AS (
         INSERT INTO timeline_event (tenant_id, id, contact_id, kind, channel, mention_id, body, occurred_at)
         SELECT $1, gen_random_uuid(), s.contact_id, 'MENTION', 'X', w.id, 'mention', w.published_at
         FROM written w JOIN social_identity s ON s.tenant_id = $1 AND s.id = w.author_identity_id
       )
       SELECT id, external_id FROM written`,
      [
        tenantId,
        externals,
        mentions.map((mention) => mention.contactId),
        mentions.map((mention) => mention.sentiment),
        mentions.map((mention) => at(mention.daysAgo)),
        mentions.map((_, index) => index),
      ],
    );
    await db.query('COMMIT');
    const byExternal = new Map(rows.map((row) => [row.external_id, row.id as string]));
    return externals.map((id) => byExternal.get(id) as string);
  });
}

/** Re-scores a mention's sentiment, as a re-ingested mention would be. */
export async function rescoreMention(
  databaseUrl: string,
  tenantId: string,
  mentionId: string,
  sentiment: number,
) {
  await withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    await db.query('UPDATE mention SET sentiment_score = $2 WHERE tenant_id = $1 AND id = $3', [
      tenantId,
      sentiment,
      mentionId,
    ]);
    await db.query('COMMIT');
  });
}
