import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateReach, FOLLOWERS_PER_SHARE } from './estimate-reach.js';
import type { MentionMetrics } from './mention-metrics.js';

describe(estimateReach.name, () => {
  it('uses the reported views when there are some', () => {
    expect(estimateReach({ views: 12_000, followers: 500, shares: 40 })).toBe(12_000);
  });

  it('falls back to followers plus an audience per share when views are missing or 0', () => {
    const expected = 500 + 40 * FOLLOWERS_PER_SHARE;
    expect(estimateReach({ followers: 500, shares: 40 })).toBe(expected);
    expect(estimateReach({ views: 0, followers: 500, shares: 40 })).toBe(expected);
  });

  it('assumes 19 followers per share, the median in Pew Research Center (2019)', () => {
    // "Sizing Up Twitter Users", Pew Research Center, 24 April 2019: median user has 19 followers.
    expect(FOLLOWERS_PER_SHARE).toBe(19);
  });

  it('is never below the likes or the shares, each one account that saw the mention', () => {
    expect(estimateReach({ views: 10, likes: 250 })).toBe(250);
    expect(estimateReach({ followers: 0, shares: 0, likes: 30 })).toBe(30);
  });

  it('does not take replies as a floor, since one account may reply many times', () => {
    expect(estimateReach({ followers: 5, replies: 80 })).toBe(5);
  });

  it('is 0 when nothing is known', () => {
    expect(estimateReach({})).toBe(0);
  });

  it('rounds fractional figures and caps at the largest safe integer', () => {
    expect(estimateReach({ views: 10.6 })).toBe(11);
    expect(estimateReach({ followers: Number.MAX_VALUE, shares: Number.MAX_VALUE })).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it.each<[keyof MentionMetrics, number]>([
    ['followers', -1],
    ['views', Number.NaN],
    ['likes', Number.POSITIVE_INFINITY],
  ])('rejects %s = %s with an error naming the field', (field, value) => {
    expect(() => estimateReach({ [field]: value })).toThrow(new RegExp(`^${field} must be`));
  });

  it('is always a non-negative safe integer for valid counts', () => {
    const count = fc.option(fc.double({ min: 0, max: 1e300, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({ followers: count, views: count, shares: count, likes: count, replies: count }),
        (metrics) => {
          const reach = estimateReach(metrics);
          expect(Number.isSafeInteger(reach) && reach >= 0).toBe(true);
        },
      ),
    );
  });
});
