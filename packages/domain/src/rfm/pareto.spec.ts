import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customersHoldingRevenueShare, topCustomersRevenueShare } from './pareto.js';

const revenues = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 });

describe(topCustomersRevenueShare.name, () => {
  it('gives the share held by the top fifth', () => {
    // Top 2 of 10 customers hold 50 + 30 of 100.
    const sut = [50, 5, 30, 2, 3, 2, 2, 2, 2, 2];
    expect(topCustomersRevenueShare(sut, 0.2)).toBeCloseTo(0.8, 12);
  });

  it('counts a fractional customer pro rata', () => {
    expect(topCustomersRevenueShare([60, 40], 0.75)).toBeCloseTo(0.8, 12);
  });

  it('gives 0 when there is no revenue', () => {
    expect(topCustomersRevenueShare([0, 0], 0.5)).toBe(0);
  });

  it('rejects negative revenue and shares outside 0..1', () => {
    expect(() => topCustomersRevenueShare([-1], 0.2)).toThrow(RangeError);
    expect(() => topCustomersRevenueShare([1], 1.5)).toThrow(RangeError);
  });

  it('grows with the share of customers from 0 to 1, never below that share', () => {
    fc.assert(
      fc.property(revenues, fc.double({ min: 0, max: 1, noNaN: true }), (values, share) => {
        const held = topCustomersRevenueShare(values, share);
        const total = values.reduce((a, b) => a + b, 0);
        expect(held).toBeGreaterThanOrEqual(total === 0 ? 0 : share - 1e-9);
        expect(held).toBeLessThanOrEqual(
          topCustomersRevenueShare(values, Math.min(1, share + 0.1)) + 1e-12,
        );
        expect(topCustomersRevenueShare(values, 1)).toBe(total === 0 ? 0 : 1);
      }),
    );
  });
});

describe(customersHoldingRevenueShare.name, () => {
  it('finds the customers holding 80 % of revenue', () => {
    const sut = customersHoldingRevenueShare([50, 5, 30, 2, 3, 2, 2, 2, 2, 2]);
    expect(sut).toEqual({ customerCount: 2, customerShare: 0.2, revenueShare: 0.8 });
  });

  it('needs every customer when revenue is spread evenly', () => {
    expect(customersHoldingRevenueShare([1, 1, 1, 1, 1], 1).customerCount).toBe(5);
  });

  it('is the smallest such group', () => {
    fc.assert(
      fc.property(revenues, fc.double({ min: 0, max: 1, noNaN: true }), (values, target) => {
        const cut = customersHoldingRevenueShare(values, target);
        const sorted = [...values].sort((a, b) => b - a);
        const total = sorted.reduce((a, b) => a + b, 0);
        const held = (k: number) => sorted.slice(0, k).reduce((a, b) => a + b, 0);
        expect(held(cut.customerCount)).toBeGreaterThanOrEqual(target * total);
        if (cut.customerCount > 0) expect(held(cut.customerCount - 1)).toBeLessThan(target * total);
      }),
    );
  });
});
