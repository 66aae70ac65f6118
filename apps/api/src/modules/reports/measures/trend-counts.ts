import type { EntityManager } from 'typeorm';
import {
  type CountsBook,
  type ReportScope,
  scopeParams,
  type TrendCounts,
} from './period-counts.js';

/** Bucket n of a period: [start + n·size, start + (n+1)·size), counted from each period's own start. */
const BUCKET = (column: string) =>
  `floor(extract(epoch FROM ${column} - CASE WHEN ${column} >= $3 THEN $3::timestamptz ELSE $2::timestamptz END) / $5)::int`;

/**
 * Mentions, orders and revenue per bucket of both periods for every tenant of the scope: the
 * report's small charts, the previous period laid over the current one.
 */
export async function readTrendCounts(
  manager: EntityManager,
  scope: ReportScope,
  book: CountsBook,
): Promise<void> {
  const params = [...scopeParams(scope), scope.periods.bucketSeconds];
  const mentions: Array<{ tenant_id: string; current: boolean; bucket: number; mentions: number }> =
    await manager.query(
      `SELECT m.tenant_id, m.published_at >= $3 AS current, ${BUCKET('m.published_at')} AS bucket,
              count(*)::int AS mentions
       FROM mention m
       WHERE m.tenant_id = ANY ($1::uuid[]) AND m.published_at >= $2 AND m.published_at < $4
       GROUP BY 1, 2, 3`,
      params,
    );
  for (const row of mentions) bucketOf(book, row).mentions = row.mentions;
  const orders: Array<{
    tenant_id: string;
    current: boolean;
    bucket: number;
    orders: number;
    revenue: number;
  }> = await manager.query(
    `SELECT o.tenant_id, o.ordered_at >= $3 AS current, ${BUCKET('o.ordered_at')} AS bucket,
            count(*)::int AS orders, sum(o.reporting_amount)::float8 AS revenue
     FROM customer_order o
     WHERE o.tenant_id = ANY ($1::uuid[]) AND o.ordered_at >= $2 AND o.ordered_at < $4
     GROUP BY 1, 2, 3`,
    params,
  );
  for (const row of orders) {
    const point = bucketOf(book, row);
    point.orders = row.orders;
    point.revenue = row.revenue;
  }
}

function bucketOf(
  book: CountsBook,
  row: { tenant_id: string; current: boolean; bucket: number },
): TrendCounts {
  const trend = book.at(row.tenant_id, row.current).trend;
  // The last bucket of a period that is not a whole number of buckets is shorter.
  return trend[Math.min(row.bucket, trend.length - 1)] as TrendCounts;
}
