import { assertCount, assertNonNegative, ClvInputError } from './clv-input-error.js';

/** One purchase as recorded: who, on which calendar day, for how much. */
export interface Purchase {
  readonly customerId: string;
  /** Calendar day `YYYY-MM-DD`; purchases on the same day count as one transaction. */
  readonly date: string;
  /** Amount spent, `>= 0`. */
  readonly value: number;
}

/** Repeat-purchase history in the form the BG/NBD model consumes. */
export interface FrequencySummary {
  /** Number of repeat transactions (transactions after the first) in the calibration period. */
  readonly x: number;
  /** Recency t_x: time from the first transaction to the last one in the calibration period. */
  readonly tx: number;
  /** Age T: time from the first transaction to the end of the calibration period. */
  readonly T: number;
}

/** Throws a {@link ClvInputError} unless `customer` is a consistent (x, t_x, T) summary. */
export function validateFrequencySummary(customer: FrequencySummary, field: string): void {
  assertCount(`${field}.x`, customer.x);
  assertNonNegative(`${field}.tx`, customer.tx);
  assertNonNegative(`${field}.T`, customer.T);
  if (customer.tx > customer.T) {
    throw new ClvInputError(
      `${field}.tx`,
      `must not exceed T (got ${customer.tx} > ${customer.T})`,
    );
  }
  if (customer.x === 0 && customer.tx !== 0) {
    throw new ClvInputError(`${field}.tx`, `must be 0 when x is 0 (got ${customer.tx})`);
  }
}

/** Spend history in the form the Gamma–Gamma model consumes. */
export interface SpendSummary {
  /** Number of repeat transactions. */
  readonly x: number;
  /** Mean value of the repeat transactions (0 when `x` is 0). */
  readonly m: number;
}

/** Per-customer calibration summary, plus the holdout count when a holdout end was given. */
export interface CustomerSummary extends FrequencySummary, SpendSummary {
  readonly customerId: string;
  /** Transactions after the calibration end up to and including the holdout end. */
  readonly holdoutX?: number;
}

/** How {@link summarizeCustomers} cuts and measures time. */
export interface CustomerSummaryOptions {
  /** Last calendar day (`YYYY-MM-DD`, inclusive) of the calibration period. */
  readonly calibrationEnd: string;
  /** Last calendar day (inclusive) of an optional holdout period that follows calibration. */
  readonly holdoutEnd?: string;
  /** Unit of `tx` and `T`. */
  readonly timeUnit: 'days' | 'weeks';
}

const DAYS_PER_UNIT = { days: 1, weeks: 7 } as const;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Turns raw purchases into the per-customer summary the BG/NBD and Gamma–Gamma models need, as
 * in Fader, Hardie & Lee (2005): same-day purchases merge into one transaction whose value is
 * their sum; the first transaction starts the customer's clock and is not a repeat; `x`, `tx`,
 * `T` and `m` describe the calibration period only. Customers whose first purchase falls after
 * the calibration end are left out. Customers come out in order of first appearance.
 */
export function summarizeCustomers(
  purchases: readonly Purchase[],
  options: CustomerSummaryOptions,
): CustomerSummary[] {
  const calibrationEnd = dayNumber('calibrationEnd', options.calibrationEnd);
  const holdoutEnd =
    options.holdoutEnd === undefined ? undefined : dayNumber('holdoutEnd', options.holdoutEnd);
  if (holdoutEnd !== undefined && holdoutEnd <= calibrationEnd) {
    throw new ClvInputError('holdoutEnd', 'must be after calibrationEnd');
  }
  const daysPerUnit = DAYS_PER_UNIT[options.timeUnit];
  if (daysPerUnit === undefined) {
    throw new ClvInputError('timeUnit', `must be 'days' or 'weeks' (got ${options.timeUnit})`);
  }
  const spendByDayByCustomer = groupSpendByDay(purchases);
  const summaries: CustomerSummary[] = [];
  for (const [customerId, spendByDay] of spendByDayByCustomer) {
    const days = [...spendByDay.keys()].sort((p, q) => p - q);
    const first = days[0] as number;
    if (first > calibrationEnd) continue;
    const repeatDays = days.filter((day) => day > first && day <= calibrationEnd);
    const last = repeatDays.at(-1) ?? first;
    const repeatSpend = repeatDays.reduce((sum, day) => sum + (spendByDay.get(day) as number), 0);
    const summary: CustomerSummary = {
      customerId,
      x: repeatDays.length,
      tx: (last - first) / daysPerUnit,
      T: (calibrationEnd - first) / daysPerUnit,
      m: repeatDays.length === 0 ? 0 : repeatSpend / repeatDays.length,
    };
    summaries.push(
      holdoutEnd === undefined
        ? summary
        : {
            ...summary,
            holdoutX: days.filter((day) => day > calibrationEnd && day <= holdoutEnd).length,
          },
    );
  }
  return summaries;
}

function groupSpendByDay(purchases: readonly Purchase[]): Map<string, Map<number, number>> {
  const byCustomer = new Map<string, Map<number, number>>();
  purchases.forEach((purchase, index) => {
    const day = dayNumber(`purchases[${index}].date`, purchase.date);
    assertNonNegative(`purchases[${index}].value`, purchase.value);
    let spendByDay = byCustomer.get(purchase.customerId);
    if (spendByDay === undefined) {
      spendByDay = new Map();
      byCustomer.set(purchase.customerId, spendByDay);
    }
    spendByDay.set(day, (spendByDay.get(day) ?? 0) + purchase.value);
  });
  return byCustomer;
}

// Days since 1970-01-01 in UTC: calendar days carry no time zone, so neither does the count.
function dayNumber(field: string, isoDay: string): number {
  const match = ISO_DAY.exec(isoDay);
  if (match !== null) {
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    const ms = Date.UTC(year, month - 1, day);
    const roundTrip = new Date(ms);
    if (roundTrip.getUTCMonth() === month - 1 && roundTrip.getUTCDate() === day) {
      return ms / MS_PER_DAY;
    }
  }
  throw new ClvInputError(
    field,
    `must be a calendar day YYYY-MM-DD (got ${JSON.stringify(isoDay)})`,
  );
}
