/** The smallest group of top customers that holds a given share of revenue. */
export interface ParetoCut {
  /** How many customers, taken from the highest revenue down. */
  readonly customerCount: number;
  /** That count as a fraction of all customers, 0..1. */
  readonly customerShare: number;
  /** The fraction of revenue they hold, 0..1 (at least the target). */
  readonly revenueShare: number;
}

/**
 * The share of total revenue held by the top `customerShare` (0..1) of customers, read off the
 * Lorenz curve: whole customers count fully and a fractional customer counts pro rata, so 20 % of
 * 7 customers is the top one plus 0.4 of the second. Zero total revenue gives 0.
 *
 * @throws RangeError when a revenue is negative or not finite, or the share is outside 0..1.
 */
export function topCustomersRevenueShare(
  revenues: readonly number[],
  customerShare: number,
): number {
  if (!(customerShare >= 0 && customerShare <= 1)) {
    throw new RangeError(`Customer share must be within 0..1, got ${customerShare}`);
  }
  const sorted = descending(revenues);
  const total = sum(sorted);
  if (total === 0) return 0;
  const exact = customerShare * sorted.length;
  const whole = Math.floor(exact);
  const held = sum(sorted.slice(0, whole)) + (exact - whole) * (sorted[whole] ?? 0);
  return Math.min(1, held / total);
}

/**
 * The smallest number of customers, taken from the highest revenue down, that together hold at
 * least `revenueShare` (0..1, default 0.8: the 80/20 rule) of total revenue.
 *
 * @throws RangeError when a revenue is negative or not finite, or the share is outside 0..1.
 */
export function customersHoldingRevenueShare(
  revenues: readonly number[],
  revenueShare = 0.8,
): ParetoCut {
  if (!(revenueShare >= 0 && revenueShare <= 1)) {
    throw new RangeError(`Revenue share must be within 0..1, got ${revenueShare}`);
  }
  const sorted = descending(revenues);
  const total = sum(sorted);
  const n = sorted.length;
  let held = 0;
  let count = 0;
  // Compare held / total with the target without dividing, so 0.8 of 10 is met by exactly 8.
  while (count < n && held < revenueShare * total) {
    held += sorted[count] as number;
    count += 1;
  }
  return {
    customerCount: count,
    customerShare: n === 0 ? 0 : count / n,
    revenueShare: total === 0 ? 0 : held / total,
  };
}

function descending(revenues: readonly number[]): number[] {
  for (const revenue of revenues) {
    if (!(Number.isFinite(revenue) && revenue >= 0)) {
      throw new RangeError(`Revenue must be a finite non-negative number, got ${revenue}`);
    }
  }
  return [...revenues].sort((a, b) => b - a);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
