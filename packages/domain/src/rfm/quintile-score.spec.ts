import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quintileScores } from './quintile-score.js';

const population = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 });

describe(quintileScores.name, () => {
  it('splits ten distinct values into five quintiles of two', () => {
    expect(quintileScores([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });

  it('reverses the order when lower is better', () => {
    expect(quintileScores([1, 2, 3, 4, 5], 'lowerIsBetter')).toEqual([5, 4, 3, 2, 1]);
  });

  it('gives the middle score to a single value and to a population of ties', () => {
    expect(quintileScores([42])).toEqual([3]);
    expect(quintileScores([7, 7, 7, 7])).toEqual([3, 3, 3, 3]);
  });

  it('keeps two distinct values symmetric around the middle', () => {
    expect(quintileScores([1, 2])).toEqual([2, 4]);
  });

  it('never splits ties even when they straddle a quintile boundary', () => {
    expect(quintileScores([1, 1, 1, 1, 1, 1, 2, 3, 4, 5])).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
  });

  it('returns nothing for an empty population', () => {
    expect(quintileScores([])).toEqual([]);
  });

  it('rejects non-finite values', () => {
    expect(() => quintileScores([1, Number.NaN])).toThrow(RangeError);
  });

  it('keeps every score within 1..5', () => {
    fc.assert(
      fc.property(population, fc.constantFrom('higherIsBetter', 'lowerIsBetter'), (values, dir) => {
        for (const score of quintileScores(values, dir)) {
          expect(score).toBeGreaterThanOrEqual(1);
          expect(score).toBeLessThanOrEqual(5);
        }
      }),
    );
  });

  it('is monotone in the value and gives equal values equal scores', () => {
    fc.assert(
      fc.property(population, (values) => {
        const up = quintileScores(values, 'higherIsBetter');
        const down = quintileScores(values, 'lowerIsBetter');
        values.forEach((a, i) => {
          values.forEach((b, j) => {
            if (a === b) {
              expect(up[i]).toBe(up[j]);
              expect(down[i]).toBe(down[j]);
            }
            if (a < b) {
              expect(up[i]).toBeLessThanOrEqual(up[j] as number);
              expect(down[i]).toBeGreaterThanOrEqual(down[j] as number);
            }
          });
        });
      }),
    );
  });

  it('does not depend on the order of the population', () => {
    fc.assert(
      fc.property(population, (values) => {
        const reversed = [...values].reverse();
        expect(quintileScores(reversed).reverse()).toEqual(quintileScores(values));
      }),
    );
  });
});
