import { assertNonNegative } from './count-validation.js';
import { safeRatio } from './ratio.js';

/**
 * Conversion ratio: how many of `base` (visitors, leads, recipients) reached the goal,
 * as a fraction in [0, 1]; `null` when the base is 0.
 *
 * @throws RangeError when a count is negative or conversions exceed the base.
 */
export function conversionRatio(conversions: number, base: number): number | null {
  assertNonNegative('conversions', conversions);
  assertNonNegative('base', base);
  if (conversions > base) throw new RangeError('conversions must not exceed base');
  return safeRatio(conversions, base);
}
