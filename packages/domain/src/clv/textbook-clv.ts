import { assertFinite, assertNonNegative, ClvInputError } from './clv-input-error.js';

/** Inputs of the textbook customer lifetime value formula. */
export interface TextbookClvInput {
  /** Margin earned per period from a retained customer (may be negative for loss-makers). */
  readonly margin: number;
  /** Probability a customer is retained from one period to the next, in [0, 1). */
  readonly retention: number;
  /** Discount rate per period, `>= 0`. */
  readonly discountRate: number;
  /** One-off cost of acquiring the customer, `>= 0`. */
  readonly acquisitionCost: number;
  /** Number of periods counted (a positive integer); `Infinity` (the default) for no limit. */
  readonly horizon?: number;
}

/**
 * Textbook customer lifetime value: margin m earned at the end of each period t = 1…N while
 * the customer is retained (probability rᵗ), discounted at rate d, minus acquisition cost:
 * CLV = Σₜ m·rᵗ/(1+d)ᵗ − AC = m·k(1−kᴺ)/(1−k) − AC with k = r/(1+d), which for an infinite
 * horizon is m·r/(1+d−r) − AC. Throws a `ClvInputError` naming the invalid field.
 */
export function textbookClv(input: TextbookClvInput): number {
  const {
    margin,
    retention,
    discountRate,
    acquisitionCost,
    horizon = Number.POSITIVE_INFINITY,
  } = input;
  assertFinite('margin', margin);
  if (!(retention >= 0 && retention < 1)) {
    throw new ClvInputError('retention', `must be in [0, 1) (got ${retention})`);
  }
  assertNonNegative('discountRate', discountRate);
  assertNonNegative('acquisitionCost', acquisitionCost);
  if (horizon !== Number.POSITIVE_INFINITY && !(Number.isInteger(horizon) && horizon > 0)) {
    throw new ClvInputError('horizon', `must be a positive integer or Infinity (got ${horizon})`);
  }
  if (horizon === Number.POSITIVE_INFINITY) {
    return (margin * retention) / (1 + discountRate - retention) - acquisitionCost;
  }
  const k = retention / (1 + discountRate);
  return (margin * k * (1 - k ** horizon)) / (1 - k) - acquisitionCost;
}
