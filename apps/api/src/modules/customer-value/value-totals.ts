import type { EntityManager } from 'typeorm';

/** What the latest successful fit valued in a tenant: how many contacts and their CLV. */
export interface ValueTotals {
  readonly fitId: string;
  readonly fittedAt: Date;
  readonly valuedContacts: number;
  /** Sum of the valued contacts' CLV, in the tenant's reporting currency. */
  readonly totalClv: number;
}

/**
 * For each of these tenants with a successful fit, the contacts its latest one (the one
 * `latestCustomerValueFit` answers and contacts are valued by) gave a CLV, and their sum, in
 * one query; a tenant without a successful fit has no entry.
 */
export async function valueTotals(
  manager: EntityManager,
  tenantIds: readonly string[],
): Promise<Map<string, ValueTotals>> {
  const rows: Array<ValueTotals & { tenantId: string }> = await manager.query(
    `WITH latest AS (
       SELECT DISTINCT ON (tenant_id) tenant_id, id, finished_at FROM clv_fit
       WHERE tenant_id = ANY ($1::uuid[]) AND state = 'SUCCEEDED'
       ORDER BY tenant_id, finished_at DESC
     )
     SELECT l.tenant_id AS "tenantId", l.id AS "fitId", l.finished_at AS "fittedAt",
            count(m.clv)::int AS "valuedContacts", coalesce(sum(m.clv), 0)::float8 AS "totalClv"
     FROM latest l
     LEFT JOIN contact_metrics m
       ON m.tenant_id = l.tenant_id AND m.clv_fit_id = l.id AND m.clv IS NOT NULL
     GROUP BY 1, 2, 3`,
    [tenantIds],
  );
  return new Map(rows.map(({ tenantId, ...totals }) => [tenantId, totals]));
}
