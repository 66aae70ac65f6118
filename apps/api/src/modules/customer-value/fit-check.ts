import { type BgNbdParameters, expectedPurchases } from '@socialcrm/domain';
import { attempt } from './customer-value-scoring.js';
import type { ContactSummary } from './purchase-summaries.js';

const DAY_MS = 86_400_000;

/** One week of the fit check: cumulative repeat transactions, actual and as the model predicts. */
export interface FitCheckWeek {
  readonly weekStart: string;
  readonly actual: number;
  /** Null where the model cannot predict (degenerate estimates). */
  readonly predicted: number | null;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The papers' tracking plot, cumulated: for each week from the first customer's first purchase
 * to the data's last day, the repeat transactions that happened and the model's expectation,
 * which for a customer who started on day s is E[X(t − s)] (customers grouped by start day).
 */
export function fitCheck(
  parameters: BgNbdParameters,
  customers: readonly ContactSummary[],
  actualByWeek: ReadonlyMap<number, number>,
  lastDay: string,
): FitCheckWeek[] {
  const cohorts = new Map<number, number>();
  for (const customer of customers) {
    const start = dayNumber(customer.firstDay);
    cohorts.set(start, (cohorts.get(start) ?? 0) + 1);
  }
  if (cohorts.size === 0) return [];
  const origin = Math.min(...cohorts.keys());
  const weeks = Math.floor((dayNumber(lastDay) - origin) / 7) + 1;
  const check: FitCheckWeek[] = [];
  let actual = 0;
  for (let week = 0; week < weeks; week++) {
    actual += actualByWeek.get(week) ?? 0;
    const end = origin + 7 * (week + 1);
    let predicted = 0;
    for (const [start, count] of cohorts)
      if (end > start)
        predicted += count * attempt(() => expectedPurchases(parameters, (end - start) / 7));
    check.push({
      weekStart: isoDay(origin + 7 * week),
      actual,
      predicted: Number.isFinite(predicted) ? predicted : null,
    });
  }
  return check;
}
