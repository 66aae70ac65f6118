import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClvInputError } from './clv-input-error.js';
import { type TextbookClvInput, textbookClv } from './textbook-clv.js';

const base: TextbookClvInput = {
  margin: 100,
  retention: 0.8,
  discountRate: 0.1,
  acquisitionCost: 50,
};

describe(textbookClv.name, () => {
  it('applies the infinite-horizon closed form m·r/(1+d−r) − AC', () => {
    // 100 · 0.8 / (1.1 − 0.8) − 50 = 266.67 − 50
    expect(textbookClv(base)).toBeCloseTo(100 * (0.8 / 0.3) - 50, 10);
  });

  it('sums the finite horizon term by term', () => {
    const horizon = 5;
    let expected = -base.acquisitionCost;
    for (let t = 1; t <= horizon; t++) expected += (base.margin * base.retention ** t) / 1.1 ** t;
    expect(textbookClv({ ...base, horizon })).toBeCloseTo(expected, 10);
  });

  it('approaches the infinite-horizon value as the horizon grows', () => {
    expect(textbookClv({ ...base, horizon: 500 })).toBeCloseTo(textbookClv(base), 8);
  });

  it('is only the acquisition cost lost when nobody is retained', () => {
    expect(textbookClv({ ...base, retention: 0 })).toBe(-50);
    expect(textbookClv({ ...base, retention: 0, horizon: 3 })).toBe(-50);
  });

  it('grows with retention', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constant(Number.POSITIVE_INFINITY)),
        (r1, r2, margin, discountRate, horizon) => {
          const [low, high] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const at = (retention: number) =>
            textbookClv({ margin, retention, discountRate, acquisitionCost: 10, horizon });
          // Equal retentions reached by different float paths may differ in the last bit.
          const tolerance = 1e-12 * Math.max(1, Math.abs(at(low)));
          expect(at(high)).toBeGreaterThanOrEqual(at(low) - tolerance);
        },
      ),
    );
  });

  it.each([
    ['retention', { retention: 1 }],
    ['retention', { retention: -0.1 }],
    ['discountRate', { discountRate: -0.01 }],
    ['acquisitionCost', { acquisitionCost: Number.NaN }],
    ['margin', { margin: Number.POSITIVE_INFINITY }],
    ['horizon', { horizon: 2.5 }],
    ['horizon', { horizon: 0 }],
  ])('rejects an invalid %s with an error naming it', (field, override) => {
    const call = () => textbookClv({ ...base, ...override });
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(new RegExp(`^${field} `));
  });
});
