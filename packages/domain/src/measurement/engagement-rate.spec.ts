import { describe, expect, it } from 'vitest';
import { engagementRate } from './engagement-rate.js';

describe(engagementRate.name, () => {
  it('divides interactions by followers and by reach', () => {
    expect(engagementRate({ interactions: 50, followers: 1000, reach: 2500 })).toEqual({
      byFollowers: 0.05,
      byReach: 0.02,
    });
  });

  it('returns null for a base of zero', () => {
    expect(engagementRate({ interactions: 0, followers: 0, reach: 0 })).toEqual({
      byFollowers: null,
      byReach: null,
    });
  });

  it('rejects negative counts, naming the field', () => {
    expect(() => engagementRate({ interactions: 1, followers: -5, reach: 1 })).toThrow(/followers/);
  });
});
