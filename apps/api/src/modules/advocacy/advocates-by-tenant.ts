import { type Advocate, DEFAULT_ADVOCACY_THRESHOLDS, findAdvocates } from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';
import { groupByTenant } from '../../platform/database/tenant-rows.js';
import { loadReferralGraphs, type ReferralEdge } from './referral-graph.js';

/**
 * The domain's advocates of each of these tenants as of `now`, over its window (repeated,
 * mostly positive mentions, or referrals), in the domain's order: one query for the mentions
 * of all the tenants and one for their referrals.
 */
export async function advocatesByTenant(
  manager: EntityManager,
  tenantIds: readonly string[],
  now: Date,
  graphs?: ReadonlyMap<string, readonly ReferralEdge[]>,
): Promise<Map<string, Advocate[]>> {
  const rows: Array<{ tenantId: string; authorId: string; at: Date; sentiment: string }> =
    await manager.query(
      `SELECT m.tenant_id AS "tenantId", s.contact_id AS "authorId", m.published_at AS at,
              lower(m.sentiment_label) AS sentiment
       FROM mention m
       JOIN social_identity s ON s.tenant_id = m.tenant_id AND s.id = m.author_identity_id
       WHERE m.tenant_id = ANY ($1::uuid[]) AND s.contact_id IS NOT NULL
         AND m.sentiment_label <> 'NEUTRAL'
         AND m.published_at > $2::timestamptz - make_interval(days => $3)`,
      [tenantIds, now, DEFAULT_ADVOCACY_THRESHOLDS.windowDays],
    );
  const mentions = groupByTenant(tenantIds, rows);
  const referrals = graphs ?? (await loadReferralGraphs(manager, tenantIds));
  return new Map(
    tenantIds.map((tenantId) => [
      tenantId,
      findAdvocates(
        (mentions.get(tenantId) ?? []).map((m) => ({
          ...m,
          sentiment: m.sentiment as 'positive' | 'negative',
        })),
        referrals.get(tenantId) ?? [],
        now,
      ),
    ]),
  );
}

/** Each tenant's advocates (as `advocatesByTenant` finds them) and referrals, for the agency's report. */
export async function advocacyCounts(
  manager: EntityManager,
  tenantIds: readonly string[],
  now: Date,
): Promise<Map<string, { advocates: number; referrals: number }>> {
  const graphs = await loadReferralGraphs(manager, tenantIds);
  const advocates = await advocatesByTenant(manager, tenantIds, now, graphs);
  return new Map(
    tenantIds.map((tenantId) => [
      tenantId,
      {
        advocates: advocates.get(tenantId)?.length ?? 0,
        referrals: graphs.get(tenantId)?.length ?? 0,
      },
    ]),
  );
}
