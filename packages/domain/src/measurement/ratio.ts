/**
 * Divides `numerator` by `denominator`, returning `null` when the denominator is zero.
 *
 * `null` means "undefined rate" (nothing to measure against), which a report shows as "n/a";
 * it is never confused with a real 0 % and never leaks NaN or Infinity into totals.
 */
export function safeRatio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
