import type { CustomerSummary } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';

const DAYS_PER_WEEK = 7;

/**
 * The rule for real purchase histories, applied before any model sees them. Orders are first
 * merged into transactions, one per contact and UTC day (their values summed), as the papers do.
 * A day whose total is negative (a refund larger than that day's purchases) is not a purchase
 * occasion: it is set aside, with its orders counted. A zero-value day is kept: a free item is
 * still a visit (the CDNOW sample holds such days and the papers count them). A contact whose
 * every day was set aside is set aside. The spend model (Gamma–Gamma) needs a positive mean
 * repeat value, so a repeat buyer whose repeat days average zero is left out of that fit only
 * (and still gets the fitted population's expected spend).
 */
const TRANSACTIONS = `
  days AS (
    SELECT contact_id, (ordered_at AT TIME ZONE 'UTC')::date AS day,
           sum(reporting_amount)::float8 AS value, count(*)::int AS orders
    FROM customer_order
    WHERE tenant_id = $1 AND contact_id IS NOT NULL AND (ordered_at AT TIME ZONE 'UTC')::date <= $2::date
      AND ($3::uuid[] IS NULL OR contact_id = ANY ($3::uuid[]))
    GROUP BY 1, 2
  ), kept AS (SELECT * FROM days WHERE value >= 0),
  firsts AS (SELECT contact_id, min(day) AS first FROM kept GROUP BY 1)`;

/** A contact's calibration summary (weeks), with its first transaction day. */
export interface ContactSummary extends CustomerSummary {
  readonly firstDay: string;
}

export interface SummaryScope {
  readonly calibrationEnd: string;
  /** The last day orders are read to (the holdout's end for the fit check). */
  readonly through: string;
  /** Only these contacts (the upkeep's batch); every contact when null. */
  readonly contactIds: readonly string[] | null;
}

/** Every customer's calibration summary (x, tx, T in weeks, m), read in one statement. */
export async function contactSummaries(
  op: Operation,
  scope: SummaryScope,
): Promise<ContactSummary[]> {
  const rows: Array<{
    contact_id: string;
    first: string;
    x: number;
    tx: number;
    t: number;
    m: number;
  }> = await (await op.manager()).query(
    `WITH ${TRANSACTIONS}
       SELECT k.contact_id, f.first::text AS first,
              count(*) FILTER (WHERE k.day > f.first AND k.day <= $4::date)::int AS x,
              (coalesce(max(k.day) FILTER (WHERE k.day > f.first AND k.day <= $4::date), f.first) - f.first)::int AS tx,
              ($4::date - f.first)::int AS t,
              coalesce(avg(k.value) FILTER (WHERE k.day > f.first AND k.day <= $4::date), 0)::float8 AS m
       FROM kept k JOIN firsts f USING (contact_id)
       WHERE f.first <= $4::date
       GROUP BY k.contact_id, f.first`,
    [await op.tenantId(), scope.through, scope.contactIds, scope.calibrationEnd],
  );
  return rows.map((row) => ({
    customerId: row.contact_id,
    firstDay: row.first,
    x: row.x,
    tx: row.tx / DAYS_PER_WEEK,
    T: row.t / DAYS_PER_WEEK,
    m: row.m,
  }));
}

/** What the rule set aside, and the data's last day (the fit check's end). */
export interface SetAside {
  readonly orders: number;
  readonly customers: number;
  readonly lastDay: string | null;
}

export async function setAside(op: Operation, through: string): Promise<SetAside> {
  const [row] = await (await op.manager()).query(
    `WITH ${TRANSACTIONS}
     SELECT (SELECT coalesce(sum(orders), 0)::int FROM days WHERE value < 0) AS orders,
            (SELECT count(*)::int FROM (
               SELECT contact_id FROM days GROUP BY contact_id HAVING bool_and(value < 0)) refunds_only
            ) AS customers,
            (SELECT max(day)::text FROM kept) AS last_day`,
    [await op.tenantId(), through, null],
  );
  return { orders: row.orders, customers: row.customers, lastDay: row.last_day };
}

/** Repeat transactions per week from `start` (actual), for the fit check. */
export async function weeklyRepeatTransactions(
  op: Operation,
  calibrationEnd: string,
  start: string,
  through: string,
): Promise<Map<number, number>> {
  const rows: Array<{ week: number; transactions: number }> = await (await op.manager()).query(
    `WITH ${TRANSACTIONS}
     SELECT ((k.day - $5::date) / 7)::int AS week, count(*)::int AS transactions
     FROM kept k JOIN firsts f USING (contact_id)
     WHERE f.first <= $4::date AND k.day > f.first
     GROUP BY 1`,
    [await op.tenantId(), through, null, calibrationEnd, start],
  );
  return new Map(rows.map((row) => [row.week, row.transactions]));
}
