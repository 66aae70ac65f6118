import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bg-nbd-fit.js';
import { bgNbdLogLikelihood } from './bg-nbd-log-likelihood.js';
import { simulateBgNbdCustomers } from './bg-nbd-simulation.js';
import { ClvInputError } from './clv-input-error.js';
import type { FrequencySummary } from './customer-summary.js';
import { cdnowSampleSummaries } from './testing/cdnow-sample.js';

describe(fitBgNbd.name, () => {
  // Its speed is measured by tests/bench/clv-fit.bench.ts, not asserted here.
  it('reproduces the published CDNOW estimates', () => {
    const customers = cdnowSampleSummaries();
    const sut = fitBgNbd(customers);
    // Fader, Hardie & Lee (2005), §4: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4
    // (printed to three decimals; CLVTools' test suite reaches the same optimum).
    expect(sut.converged).toBe(true);
    expect(sut.parameters.r).toBeCloseTo(0.243, 3);
    expect(sut.parameters.alpha).toBeCloseTo(4.414, 3);
    expect(sut.parameters.a).toBeCloseTo(0.793, 3);
    expect(sut.parameters.b).toBeCloseTo(2.426, 3);
    expect(sut.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(sut.customers).toBe(2357);
  });

  it('recovers the generating parameters of simulated customers', () => {
    const generating = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
    const customers = simulateBgNbdCustomers({
      parameters: generating,
      customers: 100_000,
      minAge: 26,
      maxAge: 52,
      resolution: 1 / 7,
      seed: 7,
    });
    const sut = fitBgNbd(customers);
    expect(sut.uniqueSummaries).toBeLessThan(customers.length);
    expect(sut.parameters.r).toBeCloseTo(generating.r, 1);
    expect(sut.parameters.alpha / generating.alpha).toBeCloseTo(1, 1);
    expect(sut.parameters.a / generating.a).toBeGreaterThan(0.8);
    expect(sut.parameters.a / generating.a).toBeLessThan(1.25);
    expect(sut.parameters.b / generating.b).toBeGreaterThan(0.8);
    expect(sut.parameters.b / generating.b).toBeLessThan(1.25);
  });

  it('ends with a likelihood at least that of the starting point', () => {
    const customers = cdnowSampleSummaries().slice(0, 400);
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.05, max: 10, noNaN: true }),
          alpha: fc.double({ min: 0.1, max: 100, noNaN: true }),
          a: fc.double({ min: 0.05, max: 10, noNaN: true }),
          b: fc.double({ min: 0.05, max: 10, noNaN: true }),
        }),
        (start) => {
          const sut = fitBgNbd(customers, { start, maxIterations: 300 });
          expect(sut.startLogLikelihood).toBeCloseTo(bgNbdLogLikelihood(start, customers), 6);
          expect(sut.logLikelihood).toBeGreaterThanOrEqual(sut.startLogLikelihood);
          expect(Object.values(sut.parameters).every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });

  it.each<[string, FrequencySummary[], RegExp]>([
    ['no customers', [], /^customers must not be empty/],
    ['no repeat purchases', [{ x: 0, tx: 0, T: 5 }], /^customers must include/],
    ['a negative age', [{ x: 1, tx: 1, T: -2 }], /^customers\[0\]\.T /],
    ['a non-finite recency', [{ x: 1, tx: Number.NaN, T: 2 }], /^customers\[0\]\.tx /],
  ])('rejects %s with a clear error', (_case, customers, message) => {
    const call = () => fitBgNbd(customers);
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(message);
  });
});
