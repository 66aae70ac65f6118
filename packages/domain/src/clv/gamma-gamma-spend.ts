import { assertCount, assertFinite, ClvInputError } from './clv-input-error.js';
import type { SpendSummary } from './customer-summary.js';
import {
  type GammaGammaParameters,
  validateGammaGammaParameters,
} from './gamma-gamma-parameters.js';

/**
 * Expected value of a customer's future transactions given x repeat transactions of mean m
 * (Fader & Hardie 2013, eq. 5): p(γ + x·m) / (px + q − 1), a weighted average of the
 * population mean pγ/(q−1) and the customer's own mean m, trusting m more as x grows.
 * With x = 0 it is the population mean. Throws a `ClvInputError` when that mean is infinite
 * (q <= 1 and x = 0, or px + q <= 1) or when m is negative or non-finite.
 */
export function conditionalExpectedSpend(
  parameters: GammaGammaParameters,
  customer: SpendSummary,
): number {
  validateGammaGammaParameters(parameters);
  assertCount('customer.x', customer.x);
  assertFinite('customer.m', customer.m);
  if (customer.m < 0) throw new ClvInputError('customer.m', `must be >= 0 (got ${customer.m})`);
  const { p, q, gamma } = parameters;
  const denominator = p * customer.x + q - 1;
  if (denominator <= 0) {
    throw new ClvInputError(
      'parameters.q',
      `gives an infinite expected spend (p·x + q − 1 = ${denominator} <= 0)`,
    );
  }
  return (p * (gamma + customer.x * customer.m)) / denominator;
}
