import { newId } from '@socialcrm/api/new-id';
import type { ContactStageHistory, LifecycleStage } from '@socialcrm/domain';
import type pg from 'pg';
import { withClient } from './databases.js';

/** Runs `work` as the owner inside one transaction acting in `tenantId` (as the triggers expect). */
export function asTenant<T>(
  databaseUrl: string,
  tenantId: string,
  work: (db: pg.Client) => Promise<T>,
): Promise<T> {
  return withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    const result = await work(db);
    await db.query('COMMIT');
    return result;
  });
}

/** Contacts at the given stages, written straight to the database; their ids in order. */
export function insertStagedContacts(
  databaseUrl: string,
  tenantId: string,
  stages: readonly LifecycleStage[],
): Promise<string[]> {
  const ids = stages.map(() => newId());
  return asTenant(databaseUrl, tenantId, async (db) => {
    await db.query(
      `INSERT INTO contact (tenant_id, id, display_name, lifecycle_stage)
       SELECT $1, id, 'Lifecycle ' || n, stage FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS s(id, stage, n)`,
      [tenantId, ids, stages],
    );
    return ids;
  });
}

/** Orders (one each) placed `daysAgo` days before now by these contacts. */
export function placeOrders(
  databaseUrl: string,
  tenantId: string,
  orders: readonly { contactId: string; daysAgo: number }[],
): Promise<void> {
  return asTenant(databaseUrl, tenantId, async (db) => {
    await db.query(
      `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency, reporting_amount, item_count)
       SELECT $1, gen_random_uuid(), 'lifecycle-' || gen_random_uuid(), c, now() - make_interval(days => d), 10, 'EUR', 10, 1
       FROM unnest($2::uuid[], $3::int[]) AS o(c, d)`,
      [tenantId, orders.map((o) => o.contactId), orders.map((o) => o.daysAgo)],
    );
  });
}

/** An opened email now for each contact: activity that is not a purchase. */
export function openEmails(databaseUrl: string, tenantId: string, contactIds: readonly string[]) {
  return asTenant(databaseUrl, tenantId, async (db) => {
    await db.query(
      `INSERT INTO engagement_event (tenant_id, id, external_id, contact_id, kind, occurred_at)
       SELECT $1, gen_random_uuid(), 'lifecycle-' || gen_random_uuid(), c, 'OPENED', now()
       FROM unnest($2::uuid[]) AS e(c)`,
      [tenantId, contactIds],
    );
  });
}

/** Referrals, written as the advocacy module stores them. */
export function recordReferrals(
  databaseUrl: string,
  tenantId: string,
  referrals: readonly { referrerId: string; referredId: string }[],
) {
  return asTenant(databaseUrl, tenantId, async (db) => {
    await db.query(
      `INSERT INTO referral (tenant_id, id, referrer_id, referred_id)
       SELECT $1, gen_random_uuid(), a, b FROM unnest($2::uuid[], $3::uuid[]) AS r(a, b)`,
      [tenantId, referrals.map((r) => r.referrerId), referrals.map((r) => r.referredId)],
    );
  });
}

/** Every stored stage history of a tenant, as the domain reads them. */
export function storedHistories(
  databaseUrl: string,
  tenantId: string,
): Promise<ContactStageHistory[]> {
  return asTenant(databaseUrl, tenantId, async (db) => {
    const { rows } = await db.query(
      `SELECT contact_id, to_stage, changed_at FROM lifecycle_stage_change WHERE tenant_id = $1
       ORDER BY contact_id, changed_at`,
      [tenantId],
    );
    const byContact = new Map<string, { stage: LifecycleStage; enteredAt: Date }[]>();
    for (const row of rows) {
      const entries = byContact.get(row.contact_id) ?? [];
      entries.push({ stage: row.to_stage, enteredAt: new Date(row.changed_at) });
      byContact.set(row.contact_id, entries);
    }
    return [...byContact].map(([contactId, entries]) => ({ contactId, entries }));
  });
}

/** Contacts' current stages, by id. */
export function storedStages(
  databaseUrl: string,
  tenantId: string,
  contactIds: readonly string[],
): Promise<Record<string, string>> {
  return asTenant(databaseUrl, tenantId, async (db) => {
    const { rows } = await db.query(
      'SELECT id, lifecycle_stage FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
      [tenantId, contactIds],
    );
    return Object.fromEntries(rows.map((row) => [row.id, row.lifecycle_stage]));
  });
}
