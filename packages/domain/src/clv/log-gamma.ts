// Lanczos approximation (g = 7, nine coefficients), accurate to about 1e-15 relative error
// for positive arguments, which is all the customer-value likelihoods need.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural logarithm of the gamma function, `ln Γ(x)`, for `x > 0`.
 * Returns `Infinity` at `x = 0` (the pole) and `NaN` for negative or non-finite arguments:
 * callers validate their inputs first, so this stays a branch-light hot-path function.
 */
export function logGamma(x: number): number {
  if (!(x >= 0) || x === Number.POSITIVE_INFINITY) return Number.NaN;
  if (x === 0) return Number.POSITIVE_INFINITY;
  // Below 0.5 the series loses accuracy; the recurrence Γ(x) = Γ(x + 1) / x moves the argument up.
  if (x < 0.5) return logGamma(x + 1) - Math.log(x);
  const shifted = x - 1;
  let series = LANCZOS_COEFFICIENTS[0] as number;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    series += (LANCZOS_COEFFICIENTS[i] as number) / (shifted + i);
  }
  const t = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}
