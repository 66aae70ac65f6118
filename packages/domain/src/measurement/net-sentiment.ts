import { assertNonNegative } from './count-validation.js';
import { safeRatio } from './ratio.js';

/** Mention counts by polarity. */
export interface SentimentCounts {
  readonly positive: number;
  readonly negative: number;
  readonly neutral: number;
}

/**
 * Which mentions form the denominator of net sentiment:
 * - `polar`: (pos − neg) / (pos + neg) — how opinionated mentions lean; ignores neutrals.
 * - `all`: (pos − neg) / (pos + neg + neutral) — damped by neutral volume, so a mostly
 *   neutral conversation reads close to 0.
 */
export type NetSentimentBasis = 'polar' | 'all';

/**
 * Net sentiment in [−1, 1] on the chosen basis (default `polar`); `null` when the
 * denominator is empty (no polar mentions, or no mentions at all).
 *
 * @throws RangeError naming the field when a count is negative or not finite.
 */
export function netSentiment(
  counts: SentimentCounts,
  basis: NetSentimentBasis = 'polar',
): number | null {
  assertNonNegative('positive', counts.positive);
  assertNonNegative('negative', counts.negative);
  assertNonNegative('neutral', counts.neutral);
  const polar = counts.positive + counts.negative;
  const denominator = basis === 'polar' ? polar : polar + counts.neutral;
  return safeRatio(counts.positive - counts.negative, denominator);
}
