import { assertNonNegative } from './count-validation.js';
import { safeRatio } from './ratio.js';

/** Interactions on content (likes, comments, shares, saves, clicks) and its two audiences. */
export interface EngagementInput {
  readonly interactions: number;
  readonly followers: number;
  /** Unique accounts that saw the content. */
  readonly reach: number;
}

/** Engagement rate against followers and against reach; `null` when that base is 0. */
export interface EngagementRate {
  readonly byFollowers: number | null;
  readonly byReach: number | null;
}

/**
 * Engagement rate as a fraction (0.035 = 3.5 %): interactions / followers and
 * interactions / reach. The reach rate is the fairer one for viral posts seen mostly by
 * non-followers; both are given because platforms and benchmarks quote either.
 *
 * @throws RangeError naming the field when a count is negative or not finite.
 */
export function engagementRate(input: EngagementInput): EngagementRate {
  assertNonNegative('interactions', input.interactions);
  assertNonNegative('followers', input.followers);
  assertNonNegative('reach', input.reach);
  return {
    byFollowers: safeRatio(input.interactions, input.followers),
    byReach: safeRatio(input.interactions, input.reach),
  };
}
