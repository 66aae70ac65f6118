import { assertNonNegative } from '../measurement/count-validation.js';

/** Public counts a network reports for one mention; a missing field is one it did not report. */
export interface MentionMetrics {
  /** Followers of the mention's author. */
  readonly followers?: number;
  /** Times the mention was displayed (views, impressions, plays). */
  readonly views?: number;
  /** Reposts, retweets and shares. */
  readonly shares?: number;
  readonly likes?: number;
  readonly replies?: number;
}

/**
 * The count reported under `field`, 0 when missing.
 *
 * @throws RangeError naming the field when the count is negative, NaN or infinite: a broken
 *   count is a bug in the connector that read it, not an unknown.
 */
export function reportedCount(metrics: MentionMetrics, field: keyof MentionMetrics): number {
  const value = metrics[field];
  if (value === undefined) {
    return 0;
  }
  assertNonNegative(field, value);
  return value;
}
