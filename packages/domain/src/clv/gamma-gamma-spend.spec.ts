import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClvInputError } from './clv-input-error.js';
import type { GammaGammaParameters } from './gamma-gamma-parameters.js';
import { conditionalExpectedSpend } from './gamma-gamma-spend.js';

// Fader & Hardie (2013): the CDNOW estimates.
const published: GammaGammaParameters = { p: 6.25, q: 3.74, gamma: 15.44 };

describe(conditionalExpectedSpend.name, () => {
  it('is the population mean pγ/(q−1) for a customer without repeat purchases', () => {
    expect(conditionalExpectedSpend(published, { x: 0, m: 0 })).toBeCloseTo(
      (6.25 * 15.44) / 2.74,
      10,
    );
  });

  it('weights the population mean and the customer’s mean by (q−1) : px', () => {
    // p(γ + x·m)/(px + q − 1) for x = 2, m = 22.345 (CDNOW sample customer 1).
    const expected = (6.25 * (15.44 + 2 * 22.345)) / (6.25 * 2 + 3.74 - 1);
    expect(conditionalExpectedSpend(published, { x: 2, m: 22.345 })).toBeCloseTo(expected, 10);
  });

  it('lies between the population mean and the customer’s own mean, nearer it as x grows', () => {
    const populationMean = conditionalExpectedSpend(published, { x: 0, m: 0 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (x, m) => {
          const sut = conditionalExpectedSpend(published, { x, m });
          const more = conditionalExpectedSpend(published, { x: x + 1, m });
          expect(sut).toBeGreaterThanOrEqual(Math.min(populationMean, m) - 1e-9);
          expect(sut).toBeLessThanOrEqual(Math.max(populationMean, m) + 1e-9);
          expect(Math.abs(more - m)).toBeLessThanOrEqual(Math.abs(sut - m) + 1e-9);
        },
      ),
    );
  });

  it('rejects parameters whose mean spend is infinite, and negative spends', () => {
    const call = () => conditionalExpectedSpend({ ...published, q: 0.9 }, { x: 0, m: 0 });
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(/^parameters\.q /);
    expect(() => conditionalExpectedSpend(published, { x: 1, m: -3 })).toThrow(/^customer\.m /);
  });
});
