import {
  customersHoldingRevenueShare,
  RFM_SEGMENT_IDS,
  type RfmSegmentId,
  topCustomersRevenueShare,
} from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';
import type { Operation } from '../../platform/database/operation-scope.js';
import { groupByTenant } from '../../platform/database/tenant-rows.js';
import type { RevenueParetoType, RfmGridType } from './customer-scores.type.js';
import { RFM_COLUMNS, type RfmBasis } from './rfm-basis.js';

const SCORES = [1, 2, 3, 4, 5];
/** The curve's points: every 5 % of customers. */
const CURVE_SHARES = Array.from({ length: 21 }, (_, step) => step / 20);

/** The 5 × 5 recency × frequency cells with their contacts and revenue. */
export async function rfmGrid(op: Operation, basis: RfmBasis): Promise<RfmGridType> {
  const { r, f } = RFM_COLUMNS[basis];
  const [manager, tenantId] = [await op.manager(), await op.tenantId()];
  const rows: Array<{ r: number; f: number; contacts: number; revenue: string }> =
    await manager.query(
      `SELECT ${r} AS r, ${f} AS f, count(*)::int AS contacts, sum(revenue)::text AS revenue
       FROM contact_metrics WHERE tenant_id = $1 AND ${r} IS NOT NULL GROUP BY 1, 2`,
      [tenantId],
    );
  const [scoring]: Array<{ scored_at: Date }> = await manager.query(
    'SELECT scored_at FROM rfm_scoring WHERE tenant_id = $1',
    [tenantId],
  );
  const byCell = new Map(rows.map((row) => [`${row.r}:${row.f}`, row]));
  const cells = SCORES.flatMap((recency) =>
    SCORES.map((frequency) => {
      const row = byCell.get(`${recency}:${frequency}`);
      return {
        recency,
        frequency,
        contacts: row?.contacts ?? 0,
        revenue: row?.revenue ?? '0.0000',
      };
    }),
  );
  return {
    basis,
    cells,
    scoredContacts: rows.reduce((sum, row) => sum + row.contacts, 0),
    scoredAt: scoring?.scored_at ?? null,
  };
}

/**
 * Revenue concentration with the domain's Pareto functions, over every customer's revenue
 * (read as one array, largest first; a customer whose refunds exceed purchases counts 0).
 */
export async function revenuePareto(op: Operation): Promise<RevenueParetoType> {
  const [row]: Array<{ revenues: number[] | null; total: string | null }> = await (
    await op.manager()
  ).query(
    `SELECT array_agg(greatest(revenue, 0)::float8 ORDER BY revenue DESC) AS revenues,
            sum(greatest(revenue, 0))::text AS total
     FROM contact_metrics WHERE tenant_id = $1 AND order_count > 0`,
    [await op.tenantId()],
  );
  const revenues = row?.revenues ?? [];
  const cut = customersHoldingRevenueShare(revenues, 0.8);
  return {
    customers: revenues.length,
    totalRevenue: row?.total ?? '0.0000',
    points: CURVE_SHARES.map((customerShare) => ({
      customerShare,
      revenueShare: topCustomersRevenueShare(revenues, customerShare),
    })),
    eightyPercentCustomers: cut.customerCount,
    eightyPercentCustomerShare: cut.customerShare,
  };
}

/**
 * How many contacts of each of these tenants are in each named segment on the basis (the
 * segment the scoring stored, as segment rules and contacts read it), every segment in the
 * domain's order, in one query.
 */
export async function rfmSegmentCounts(
  manager: EntityManager,
  tenantIds: readonly string[],
  basis: RfmBasis,
): Promise<Map<string, Record<RfmSegmentId, number>>> {
  const { segment } = RFM_COLUMNS[basis];
  const rows: Array<{ tenantId: string; segment: string; contacts: number }> = await manager.query(
    `SELECT tenant_id AS "tenantId", ${segment} AS segment, count(*)::int AS contacts
     FROM contact_metrics WHERE tenant_id = ANY ($1::uuid[]) AND ${segment} IS NOT NULL
     GROUP BY 1, 2`,
    [tenantIds],
  );
  return new Map(
    [...groupByTenant(tenantIds, rows)].map(([tenantId, own]) => {
      const counts = RFM_SEGMENT_IDS.map((id) => [
        id,
        own.find((row) => row.segment === id)?.contacts ?? 0,
      ]);
      return [tenantId, Object.fromEntries(counts) as Record<RfmSegmentId, number>];
    }),
  );
}
