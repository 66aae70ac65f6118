import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood } from './bg-nbd-log-likelihood.js';
import type { BgNbdParameters } from './bg-nbd-parameters.js';
import { ClvInputError } from './clv-input-error.js';
import type { FrequencySummary } from './customer-summary.js';
import { logGamma } from './log-gamma.js';
import { cdnowSampleSummaries } from './testing/cdnow-sample.js';

// Fader, Hardie & Lee (2005), eq. 6, term by term with Beta functions, as a reference.
function referenceLogLikelihood(
  { r, alpha, a, b }: BgNbdParameters,
  customers: FrequencySummary[],
) {
  const logBeta = (p: number, q: number) => logGamma(p) + logGamma(q) - logGamma(p + q);
  return customers.reduce((sum, { x, tx, T }) => {
    const nbd = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
    const alive = Math.exp(logBeta(a, b + x) - logBeta(a, b) - (r + x) * Math.log(alpha + T));
    const dropped =
      x > 0
        ? Math.exp(logBeta(a + 1, b + x - 1) - logBeta(a, b) - (r + x) * Math.log(alpha + tx))
        : 0;
    return sum + nbd + Math.log(alive + dropped);
  }, 0);
}

const published: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe(bgNbdLogLikelihood.name, () => {
  it('gives the published CDNOW log-likelihood at the published estimates', () => {
    // Fader, Hardie & Lee (2005), §4: LL = −9582.4 at r = 0.243, α = 4.414, a = 0.793, b = 2.426.
    expect(bgNbdLogLikelihood(published, cdnowSampleSummaries())).toBeCloseTo(-9582.4, 0);
  });

  it('equals the term-by-term sum of equation 6', () => {
    const customers = cdnowSampleSummaries().slice(0, 300);
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.05, max: 5, noNaN: true }),
          alpha: fc.double({ min: 0.5, max: 50, noNaN: true }),
          a: fc.double({ min: 0.05, max: 5, noNaN: true }),
          b: fc.double({ min: 0.05, max: 5, noNaN: true }),
        }),
        (parameters) => {
          const expected = referenceLogLikelihood(parameters, customers);
          const actual = bgNbdLogLikelihood(parameters, customers);
          expect(Math.abs(actual - expected)).toBeLessThan(1e-9 * Math.abs(expected));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects non-positive parameters with an error naming them', () => {
    const call = () => bgNbdLogLikelihood({ ...published, alpha: 0 }, [{ x: 0, tx: 0, T: 1 }]);
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(/^parameters\.alpha /);
  });
});
