import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimizeNelderMead } from './nelder-mead.js';

describe(minimizeNelderMead.name, () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const rosenbrock = ([x = 0, y = 0]: readonly number[]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    const result = minimizeNelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('never ends worse than it started', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (start) => {
          const bowl = (x: readonly number[]) =>
            x.reduce((sum, xi, i) => sum + (i + 1) * (xi - i) ** 2, 0);
          const result = minimizeNelderMead(bowl, start, { maxIterations: 200 });
          expect(result.fx).toBeLessThanOrEqual(bowl(start));
        },
      ),
    );
  });

  it('steps back from regions where the objective is undefined', () => {
    // log is undefined below zero: the search must stay on the valid side.
    const result = minimizeNelderMead(([x = 0]) => x - Math.log(x), [3]);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  it('reports non-convergence when iterations run out', () => {
    const result = minimizeNelderMead(([x = 0, y = 0]) => x * x + y * y, [5, 5], {
      maxIterations: 3,
    });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
  });

  it('rejects a start where the objective is not finite', () => {
    expect(() => minimizeNelderMead(() => Number.NaN, [0])).toThrow(RangeError);
  });
});
