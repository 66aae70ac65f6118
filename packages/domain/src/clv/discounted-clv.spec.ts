import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from './bg-nbd-predictions.js';
import { ClvInputError } from './clv-input-error.js';
import { type ClvModels, type DiscountedClvOptions, discountedClv } from './discounted-clv.js';
import { conditionalExpectedSpend } from './gamma-gamma-spend.js';

// The CDNOW estimates: Fader, Hardie & Lee (2005) and Fader & Hardie (2013).
const models: ClvModels = {
  purchases: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
};
const customer = { x: 2, tx: 30.43, T: 38.86, m: 22.35 };
const monthly: DiscountedClvOptions = {
  periods: 12,
  periodLength: 4.345,
  discountRate: 0.01,
  margin: 0.3,
};

describe(discountedClv.name, () => {
  it('without discounting is margin × expected spend × expected purchases over the horizon', () => {
    const sut = discountedClv(models, customer, { ...monthly, discountRate: 0 });
    const purchases = conditionalExpectedPurchases(models.purchases, 12 * 4.345, customer);
    const spend = conditionalExpectedSpend(models.spend, customer);
    expect(sut).toBeCloseTo(0.3 * spend * purchases, 10);
  });

  it('is proportional to the margin', () => {
    const full = discountedClv(models, customer, { ...monthly, margin: 1 });
    expect(discountedClv(models, customer, monthly)).toBeCloseTo(0.3 * full, 10);
  });

  it('falls as the discount rate rises and grows with the horizon', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 36 }),
        (discountRate, extraRate, periods) => {
          const at = (options: Partial<DiscountedClvOptions>) =>
            discountedClv(models, customer, { ...monthly, discountRate, periods, ...options });
          expect(at({ discountRate: discountRate + extraRate })).toBeLessThanOrEqual(at({}));
          expect(at({ periods: periods + 1 })).toBeGreaterThanOrEqual(at({}));
          expect(at({})).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it.each<[string, Partial<DiscountedClvOptions>]>([
    ['periods', { periods: 0 }],
    ['periods', { periods: 1.5 }],
    ['periodLength', { periodLength: -4 }],
    ['discountRate', { discountRate: Number.NaN }],
    ['margin', { margin: 1.2 }],
  ])('rejects an invalid %s with an error naming it', (field, override) => {
    const call = () => discountedClv(models, customer, { ...monthly, ...override });
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(new RegExp(`^${field} `));
  });
});
