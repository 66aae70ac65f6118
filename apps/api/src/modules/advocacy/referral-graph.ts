import type { EntityManager } from 'typeorm';
import { groupByTenant } from '../../platform/database/tenant-rows.js';

/** One edge of the tenant's referral graph. */
export interface ReferralEdge {
  readonly referrerId: string;
  readonly referredId: string;
  readonly at: Date;
}

/** Every referral of the tenant (the graph is small next to the contacts: one edge per referral). */
export async function loadReferralGraph(
  manager: EntityManager,
  tenantId: string,
): Promise<ReferralEdge[]> {
  return (await loadReferralGraphs(manager, [tenantId])).get(tenantId) ?? [];
}

/** The referral graph of each of these tenants, in one query. */
export async function loadReferralGraphs(
  manager: EntityManager,
  tenantIds: readonly string[],
): Promise<Map<string, ReferralEdge[]>> {
  const rows: Array<ReferralEdge & { tenantId: string }> = await manager.query(
    `SELECT tenant_id AS "tenantId", referrer_id AS "referrerId", referred_id AS "referredId",
            referred_at AS at
     FROM referral WHERE tenant_id = ANY ($1::uuid[])`,
    [tenantIds],
  );
  return groupByTenant(tenantIds, rows);
}

/** Revenue (reporting currency) of each of these contacts, from their orders as they are now. */
export async function revenueOf(
  manager: EntityManager,
  tenantId: string,
  contactIds: readonly string[],
): Promise<Map<string, number>> {
  if (!contactIds.length) return new Map();
  const rows: Array<{ id: string; revenue: string }> = await manager.query(
    `SELECT contact_id AS id, sum(reporting_amount) AS revenue FROM customer_order
     WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[]) GROUP BY contact_id`,
    [tenantId, [...new Set(contactIds)]],
  );
  return new Map(rows.map((row) => [row.id, Number(row.revenue ?? 0)]));
}

/** Display names of these contacts, for the views. */
export async function contactNames(
  manager: EntityManager,
  tenantId: string,
  contactIds: readonly string[],
): Promise<Map<string, string>> {
  if (!contactIds.length) return new Map();
  const rows: Array<{ id: string; name: string }> = await manager.query(
    'SELECT id, display_name AS name FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
    [tenantId, [...new Set(contactIds)]],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Serialises the tenant's referral writes: the cycle check reads the chain above the referrer,
 * and two concurrent writes could otherwise each close half of a cycle.
 */
export async function lockReferrals(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('referral:' || $1))`, [tenantId]);
}

/** True when `referredId` is `referrerId` or one of its referrers, up the chain. */
export function closesCycle(
  referrerOf: ReadonlyMap<string, string>,
  referrerId: string,
  referredId: string,
): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = referrerId; at && !seen.has(at); at = referrerOf.get(at)) {
    if (at === referredId) return true;
    seen.add(at);
  }
  return false;
}
