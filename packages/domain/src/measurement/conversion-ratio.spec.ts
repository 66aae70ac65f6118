import { describe, expect, it } from 'vitest';
import { conversionRatio } from './conversion-ratio.js';

describe(conversionRatio.name, () => {
  it('divides conversions by the base', () => {
    expect(conversionRatio(12, 400)).toBe(0.03);
  });

  it('returns null for an empty base', () => {
    expect(conversionRatio(0, 0)).toBeNull();
  });

  it('rejects more conversions than the base or negative counts', () => {
    expect(() => conversionRatio(5, 4)).toThrow(/conversions/);
    expect(() => conversionRatio(-1, 4)).toThrow(/conversions/);
  });
});
