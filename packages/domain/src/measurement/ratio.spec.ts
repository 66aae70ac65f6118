import { describe, expect, it } from 'vitest';
import { safeRatio } from './ratio.js';

describe(safeRatio.name, () => {
  it('divides when the denominator is non-zero', () => {
    expect(safeRatio(3, 4)).toBe(0.75);
  });

  it('returns null instead of NaN or Infinity when the denominator is zero', () => {
    expect(safeRatio(0, 0)).toBeNull();
    expect(safeRatio(5, 0)).toBeNull();
  });
});
