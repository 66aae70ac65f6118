import { describe, expect, it } from 'vitest';
import { reportedCount } from './mention-metrics.js';

describe(reportedCount.name, () => {
  it('reads a reported count and takes a missing one as 0', () => {
    expect(reportedCount({ likes: 7 }, 'likes')).toBe(7);
    expect(reportedCount({ likes: 7 }, 'views')).toBe(0);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s, naming the field', (value) => {
    expect(() => reportedCount({ shares: value }, 'shares')).toThrow(RangeError);
    expect(() => reportedCount({ shares: value }, 'shares')).toThrow(/shares/);
  });
});
