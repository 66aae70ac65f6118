import { describe, expect, it } from 'vitest';
import { influenceTier } from './influence.js';

describe('influenceTier', () => {
  it('follows the reported follower count, and says unknown without one', () => {
    expect(influenceTier(null)).toBe('unknown');
    expect(influenceTier(undefined)).toBe('unknown');
    expect(influenceTier(0)).toBe('none');
    expect(influenceTier(999)).toBe('none');
    expect(influenceTier(1_000)).toBe('nano');
    expect(influenceTier(15_300)).toBe('micro');
    expect(influenceTier(250_000)).toBe('macro');
    expect(influenceTier(3_000_000)).toBe('mega');
  });
});
