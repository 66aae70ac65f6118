import { type MentionMetrics, reportedCount } from './mention-metrics.js';

/**
 * Followers each share is assumed to bring: the median U.S. adult Twitter user's follower
 * count (19) in Pew Research Center, "Sizing Up Twitter Users", 24 April 2019. The median, not
 * the mean, so a few celebrity sharers do not inflate every estimate.
 */
export const FOLLOWERS_PER_SHARE = 19;

/**
 * Estimated number of accounts that saw a mention, a non-negative integer:
 *
 * 1. the views the network reports, when above 0 (0 views usually means "not reported");
 * 2. otherwise the author's followers plus `FOLLOWERS_PER_SHARE` for each share;
 * 3. never below the likes or the shares, each of which is one distinct account that saw it
 *    (replies are not: one account may reply many times).
 *
 * Views count repeat displays, so the estimate leans high where views are known; the
 * follower-based one leans high too, since not every follower sees every post. The result is
 * rounded and capped at `Number.MAX_SAFE_INTEGER`.
 *
 * @throws RangeError naming the field when a count is negative, NaN or infinite.
 */
export function estimateReach(metrics: MentionMetrics): number {
  const views = reportedCount(metrics, 'views');
  const shares = reportedCount(metrics, 'shares');
  const audience =
    views > 0 ? views : reportedCount(metrics, 'followers') + shares * FOLLOWERS_PER_SHARE;
  const reach = Math.max(audience, reportedCount(metrics, 'likes'), shares);
  return Math.min(Math.round(reach), Number.MAX_SAFE_INTEGER);
}
