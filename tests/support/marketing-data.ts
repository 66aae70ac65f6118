import { newId } from '@socialcrm/api/new-id';
import type pg from 'pg';
import { withClient } from './databases.js';

type Sentiment = 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';

/** One tenant's marketing history, written straight into the database (as its owner). */
export interface MarketingHistory {
  /** Authors by key, with their followers. */
  readonly identities?: Record<string, number>;
  /** Competitor brands to track beside the tenant's own one, by key. */
  readonly competitors?: readonly string[];
  readonly mentions?: ReadonlyArray<{
    at: string;
    sentiment: Sentiment;
    reach: number;
    author?: string;
    /** Keys of `competitors`, or 'own' for the tenant's own brand. */
    brands: readonly string[];
  }>;
  /** Contacts by key: when created and their lifecycle stage now. */
  readonly contacts?: Record<string, { createdAt: string; stage: string }>;
  readonly orders?: ReadonlyArray<{ at: string; amount: number; contact?: string }>;
  readonly emails?: ReadonlyArray<{
    at: string;
    kind: 'SENT' | 'OPENED' | 'CLICKED' | 'BOUNCED';
    contact: string;
    campaign: string;
  }>;
}

/**
 * Writes `history` into a tenant whose own brand is `ownBrandId`. Returns the ids of what it
 * created, by key.
 */
export async function writeMarketingHistory(
  ownerUrl: string,
  tenantId: string,
  ownBrandId: string,
  history: MarketingHistory,
): Promise<{ contacts: Record<string, string>; brands: Record<string, string> }> {
  return withClient(ownerUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    const brands: Record<string, string> = { own: ownBrandId };
    for (const name of history.competitors ?? []) {
      brands[name] = newId();
      await db.query(
        `INSERT INTO tracked_brand (tenant_id, id, name, kind) VALUES ($1, $2, $3, 'COMPETITOR')`,
        [tenantId, brands[name], name],
      );
    }
    const identities = await insertIdentities(db, tenantId, history.identities ?? {});
    for (const mention of history.mentions ?? []) {
      await db.query(
        `INSERT INTO mention (tenant_id, id, channel, external_id, body, author_identity_id, brand_ids,
           language, sentiment_score, sentiment_label, reach, published_at)
         VALUES ($1, $2, 'X', gen_random_uuid()::text, 'a mention', $3, $4::uuid[], 'en', 0, $5, $6, $7)`,
        [
          tenantId,
          newId(),
          mention.author ? identities[mention.author] : null,
          mention.brands.map((key) => brands[key]),
          mention.sentiment,
          mention.reach,
          mention.at,
        ],
      );
    }
    const contacts: Record<string, string> = {};
    for (const [key, contact] of Object.entries(history.contacts ?? {})) {
      contacts[key] = newId();
      await db.query(
        `INSERT INTO contact (tenant_id, id, display_name, lifecycle_stage, created_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [tenantId, contacts[key], key, contact.stage, contact.createdAt],
      );
    }
    for (const order of history.orders ?? []) {
      await db.query(
        `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount,
           currency, reporting_amount, item_count)
         VALUES ($1, $2, gen_random_uuid()::text, $3, $4, $5, 'USD', $5, 1)`,
        [tenantId, newId(), order.contact ? contacts[order.contact] : null, order.at, order.amount],
      );
    }
    for (const email of history.emails ?? []) {
      await db.query(
        `INSERT INTO engagement_event (tenant_id, id, external_id, contact_id, kind, campaign, occurred_at)
         VALUES ($1, $2, gen_random_uuid()::text, $3, $4, $5, $6)`,
        [tenantId, newId(), contacts[email.contact], email.kind, email.campaign, email.at],
      );
    }
    await db.query('COMMIT');
    return { contacts, brands };
  });
}

async function insertIdentities(
  db: pg.Client,
  tenantId: string,
  followers: Record<string, number>,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [handle, count] of Object.entries(followers)) {
    ids[handle] = newId();
    await db.query(
      `INSERT INTO social_identity (tenant_id, id, channel, handle, followers) VALUES ($1, $2, 'X', $3, $4)`,
      [tenantId, ids[handle], handle, count],
    );
  }
  return ids;
}
