import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClvInputError } from './clv-input-error.js';
import type { SpendSummary } from './customer-summary.js';
import { fitGammaGamma, gammaGammaLogLikelihood } from './gamma-gamma-fit.js';
import { cdnowSampleSummaries } from './testing/cdnow-sample.js';

describe(fitGammaGamma.name, () => {
  it('reproduces the published CDNOW estimates on the 946 repeat buyers', () => {
    const sut = fitGammaGamma(cdnowSampleSummaries());
    // Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value": p = 6.25, q = 3.74,
    // γ = 15.44. CLVTools' test suite records the same optimum with LL = −4055.9177.
    expect(sut.converged).toBe(true);
    expect(sut.customers).toBe(946);
    expect(sut.parameters.p).toBeCloseTo(6.25, 2);
    expect(sut.parameters.q).toBeCloseTo(3.74, 2);
    expect(sut.parameters.gamma).toBeCloseTo(15.44, 2);
    expect(sut.logLikelihood).toBeCloseTo(-4055.9177, 3);
  });

  it('ends with a likelihood at least that of the starting point', () => {
    const customers = cdnowSampleSummaries().slice(0, 500);
    fc.assert(
      fc.property(
        fc.record({
          p: fc.double({ min: 0.1, max: 20, noNaN: true }),
          q: fc.double({ min: 0.1, max: 20, noNaN: true }),
          gamma: fc.double({ min: 0.1, max: 200, noNaN: true }),
        }),
        (start) => {
          const sut = fitGammaGamma(customers, { start, maxIterations: 200 });
          expect(sut.startLogLikelihood).toBeCloseTo(gammaGammaLogLikelihood(start, customers), 6);
          expect(sut.logLikelihood).toBeGreaterThanOrEqual(sut.startLogLikelihood);
        },
      ),
      { numRuns: 20 },
    );
  });

  it.each<[string, SpendSummary[], RegExp]>([
    ['no customers', [], /^customers must include/],
    ['only one-time buyers', [{ x: 0, m: 0 }], /^customers must include/],
    [
      'identical spends',
      [
        { x: 1, m: 5 },
        { x: 2, m: 5 },
      ],
      /^customers must include/,
    ],
    ['a zero spend for a repeat buyer', [{ x: 1, m: 0 }], /^customers\[0\]\.m /],
    ['a non-finite spend', [{ x: 1, m: Number.NaN }], /^customers\[0\]\.m /],
    ['a fractional x', [{ x: 1.5, m: 3 }], /^customers\[0\]\.x /],
  ])('rejects %s with a clear error', (_case, customers, message) => {
    const call = () => fitGammaGamma(customers);
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(message);
  });
});
