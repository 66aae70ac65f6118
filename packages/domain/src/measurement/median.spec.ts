import { describe, expect, it } from 'vitest';
import { median } from './median.js';

describe(median.name, () => {
  it('takes the middle value of an odd-length list regardless of order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even-length list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('returns null for an empty list', () => {
    expect(median([])).toBeNull();
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
