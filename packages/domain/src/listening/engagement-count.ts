import { type MentionMetrics, reportedCount } from './mention-metrics.js';

/**
 * Interactions on a mention: likes + replies + shares, missing counts as 0. This is the
 * `interactions` figure `engagementRate` divides.
 *
 * @throws RangeError naming the field when a count is negative, NaN or infinite.
 */
export function engagementCount(metrics: MentionMetrics): number {
  return (
    reportedCount(metrics, 'likes') +
    reportedCount(metrics, 'replies') +
    reportedCount(metrics, 'shares')
  );
}
