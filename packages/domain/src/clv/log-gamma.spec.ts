import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma.js';

describe(logGamma.name, () => {
  it('matches factorials at integers', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
  });

  it('matches Γ(1/2) = √π and a tabulated large value', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // ln Γ(100) = ln(99!) = 359.13420536957540 (Abramowitz & Stegun, Table 6.4 via 99!).
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  });

  it('satisfies the recurrence ln Γ(x + 1) = ln Γ(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        const rhs = logGamma(x) + Math.log(x);
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-12 * Math.max(1, Math.abs(lhs)) + 1e-9);
      }),
    );
  });

  it('returns Infinity at the pole and NaN outside the domain', () => {
    expect(logGamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(logGamma(-1)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
  });
});
