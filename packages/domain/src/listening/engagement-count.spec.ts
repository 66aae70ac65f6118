import { describe, expect, it } from 'vitest';
import { engagementCount } from './engagement-count.js';

describe(engagementCount.name, () => {
  it('adds likes, replies and shares, ignoring audience figures', () => {
    expect(engagementCount({ likes: 10, replies: 3, shares: 2, followers: 900, views: 5000 })).toBe(
      15,
    );
  });

  it('counts missing interactions as 0', () => {
    expect(engagementCount({})).toBe(0);
    expect(engagementCount({ replies: 4 })).toBe(4);
  });

  it('rejects a negative count, naming the field', () => {
    expect(() => engagementCount({ likes: -3 })).toThrow(/likes/);
  });
});
