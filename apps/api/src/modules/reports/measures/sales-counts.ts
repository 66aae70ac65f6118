import type { EntityManager } from 'typeorm';
import { type CountsBook, type ReportScope, scopeParams } from './period-counts.js';

/**
 * Orders, revenue (reporting currency) and customers of both periods for every tenant of the
 * scope. A customer of a period repeats when they had at least two orders by its end: two in
 * the period, or one in it and one before it. Orders without a contact count as orders and
 * revenue, not as customers.
 */
export async function readSalesCounts(
  manager: EntityManager,
  scope: ReportScope,
  book: CountsBook,
): Promise<void> {
  const rows: Array<{
    tenant_id: string;
    current: boolean;
    orders: number;
    revenue: number;
    customers: number;
    repeat_customers: number;
  }> = await manager.query(
    `WITH buyer AS (
       SELECT o.tenant_id, o.ordered_at >= $3 AS current, o.contact_id,
              count(*)::int AS orders, sum(o.reporting_amount) AS revenue
       FROM customer_order o
       WHERE o.tenant_id = ANY ($1::uuid[]) AND o.ordered_at >= $2 AND o.ordered_at < $4
       GROUP BY 1, 2, 3
     )
     SELECT b.tenant_id, b.current, sum(b.orders)::int AS orders,
            coalesce(sum(b.revenue), 0)::float8 AS revenue,
            count(b.contact_id)::int AS customers,
            count(*) FILTER (WHERE b.contact_id IS NOT NULL AND (b.orders > 1 OR EXISTS (
              SELECT 1 FROM customer_order e
              WHERE e.tenant_id = b.tenant_id AND e.contact_id = b.contact_id
                AND e.ordered_at < CASE WHEN b.current THEN $3::timestamptz ELSE $2::timestamptz END
            )))::int AS repeat_customers
     FROM buyer b GROUP BY 1, 2`,
    scopeParams(scope),
  );
  for (const row of rows) {
    const counts = book.at(row.tenant_id, row.current);
    counts.orders = row.orders;
    counts.revenue = row.revenue;
    counts.customers = row.customers;
    counts.repeatCustomers = row.repeat_customers;
  }
}
