import type { BgNbdParameters } from './bg-nbd-parameters.js';
import { conditionalExpectedPurchases } from './bg-nbd-predictions.js';
import { assertNonNegative, assertPositive, ClvInputError } from './clv-input-error.js';
import type { FrequencySummary, SpendSummary } from './customer-summary.js';
import type { GammaGammaParameters } from './gamma-gamma-parameters.js';
import { conditionalExpectedSpend } from './gamma-gamma-spend.js';

/** How {@link discountedClv} counts and discounts the future. */
export interface DiscountedClvOptions {
  /** Number of discounting periods ahead, e.g. 12 for a year of months. */
  readonly periods: number;
  /** Length of one period in the summaries' time unit, e.g. 4.345 weeks or 30 days a month. */
  readonly periodLength: number;
  /** Discount rate per period, `>= 0` (e.g. 0.01 a month). */
  readonly discountRate: number;
  /** Share of spend kept as profit, in [0, 1]; 1 gives discounted revenue. */
  readonly margin: number;
}

/** The BG/NBD and Gamma–Gamma fits a customer value combines. */
export interface ClvModels {
  readonly purchases: BgNbdParameters;
  readonly spend: GammaGammaParameters;
}

/**
 * Discounted value of a customer's next `periods` periods: for each period i the purchases the
 * BG/NBD model expects in it, E[Y(i·L)] − E[Y((i−1)·L)], times the Gamma–Gamma expected spend,
 * times the margin, discounted by (1+d)^i. This is lifetimes' `customer_lifetime_value` with a
 * margin applied. Throws a `ClvInputError` naming any invalid option, parameter or summary field.
 */
export function discountedClv(
  models: ClvModels,
  customer: FrequencySummary & SpendSummary,
  options: DiscountedClvOptions,
): number {
  const { periods, periodLength, discountRate, margin } = options;
  if (!(Number.isInteger(periods) && periods > 0)) {
    throw new ClvInputError('periods', `must be a positive integer (got ${periods})`);
  }
  assertPositive('periodLength', periodLength);
  assertNonNegative('discountRate', discountRate);
  if (!(margin >= 0 && margin <= 1)) {
    throw new ClvInputError('margin', `must be in [0, 1] (got ${margin})`);
  }
  const profitPerPurchase = margin * conditionalExpectedSpend(models.spend, customer);
  let value = 0;
  let purchasesSoFar = 0;
  for (let i = 1; i <= periods; i++) {
    const purchasesByEnd = conditionalExpectedPurchases(
      models.purchases,
      i * periodLength,
      customer,
    );
    value += (profitPerPurchase * (purchasesByEnd - purchasesSoFar)) / (1 + discountRate) ** i;
    purchasesSoFar = purchasesByEnd;
  }
  return value;
}
