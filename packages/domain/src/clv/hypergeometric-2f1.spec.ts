import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypergeometric2F1 } from './hypergeometric-2f1.js';

describe(hypergeometric2F1.name, () => {
  it('reduces to elementary functions (DLMF 15.4.1 and 15.4.6)', () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
    expect(hypergeometric2F1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 13);
    expect(hypergeometric2F1(1, 1, 2, 0.99)).toBeCloseTo(-Math.log(0.01) / 0.99, 11);
    // ₂F₁(a, b; b; z) = (1 − z)^(−a)
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        (a, b, z) => {
          const exact = (1 - z) ** -a;
          expect(Math.abs(hypergeometric2F1(a, b, b, z) - exact)).toBeLessThan(1e-11 * exact);
        },
      ),
    );
  });

  it('matches the Gauss sum at z = 0 and a polynomial when a is a negative integer', () => {
    expect(hypergeometric2F1(0.3, 2, 1.5, 0)).toBe(1);
    // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const b = 1.5;
    const c = 2.5;
    const z = 0.7;
    const exact = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    expect(hypergeometric2F1(-2, b, c, z)).toBeCloseTo(exact, 14);
  });

  it('handles a negative non-integer c', () => {
    // ₂F₁(a, b; b; z) with b = c = −0.4 is still (1 − z)^(−a).
    expect(hypergeometric2F1(0.7, -0.4, -0.4, 0.6)).toBeCloseTo(0.4 ** -0.7, 12);
  });

  it('rejects z outside [0, 1), poles and non-converging sums', () => {
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hypergeometric2F1(1, 1, 2, -0.1)).toThrow(RangeError);
    expect(() => hypergeometric2F1(1, 1, -2, 0.5)).toThrow(/pole/);
    expect(() => hypergeometric2F1(1, 1, 2, 0.999999, { maxTerms: 100 })).toThrow(/converge/);
  });
});
