import { type FrequencySummary, validateFrequencySummary } from './customer-summary.js';

/**
 * Customers with identical (x, t_x, T) collapsed into weighted groups, column by column. The
 * BG/NBD likelihood depends on a customer only through that triple, so a million customers with
 * times rounded to days shrink to a few tens of thousands of groups. Distinct x values and
 * distinct times are indexed so per-evaluation work on them is done once, not once per group.
 */
export interface FrequencySummaryGroups {
  /** Number of customers in each group. */
  readonly count: Float64Array;
  /** Index into `distinctX` of each group's x. */
  readonly xIndex: Int32Array;
  /** Index into `distinctTimes` of each group's t_x. */
  readonly txIndex: Int32Array;
  /** Index into `distinctTimes` of each group's T. */
  readonly ageIndex: Int32Array;
  readonly distinctX: Float64Array;
  readonly distinctTimes: Float64Array;
  /** Total number of customers. */
  readonly customers: number;
}

/**
 * Validates `customers` and groups identical summaries. Throws a {@link ClvInputError} naming
 * the field (`customers[i].tx`) when x is not a count, a time is negative or non-finite,
 * t_x exceeds T, or t_x is non-zero for a customer without repeat transactions.
 */
export function groupFrequencySummaries(
  customers: readonly FrequencySummary[],
): FrequencySummaryGroups {
  const xIds = new Map<number, number>();
  const timeIds = new Map<number, number>();
  const idOf = (ids: Map<number, number>, value: number): number => {
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
    return id;
  };
  // Nested maps keyed by small integer ids avoid building a string key per customer.
  const groupIds = new Map<number, Map<number, Map<number, number>>>();
  const xIndex: number[] = [];
  const txIndex: number[] = [];
  const ageIndex: number[] = [];
  const count: number[] = [];
  customers.forEach((customer, i) => {
    validateFrequencySummary(customer, `customers[${i}]`);
    const xId = idOf(xIds, customer.x);
    const txId = idOf(timeIds, customer.tx);
    const ageId = idOf(timeIds, customer.T);
    let byTx = groupIds.get(xId);
    if (byTx === undefined) {
      byTx = new Map();
      groupIds.set(xId, byTx);
    }
    let byAge = byTx.get(txId);
    if (byAge === undefined) {
      byAge = new Map();
      byTx.set(txId, byAge);
    }
    const group = byAge.get(ageId);
    if (group === undefined) {
      byAge.set(ageId, count.length);
      xIndex.push(xId);
      txIndex.push(txId);
      ageIndex.push(ageId);
      count.push(1);
    } else {
      count[group] = (count[group] as number) + 1;
    }
  });
  return {
    count: Float64Array.from(count),
    xIndex: Int32Array.from(xIndex),
    txIndex: Int32Array.from(txIndex),
    ageIndex: Int32Array.from(ageIndex),
    distinctX: Float64Array.from(xIds.keys()),
    distinctTimes: Float64Array.from(timeIds.keys()),
    customers: customers.length,
  };
}
