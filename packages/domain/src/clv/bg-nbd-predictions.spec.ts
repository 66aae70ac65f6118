import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BgNbdParameters } from './bg-nbd-parameters.js';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
} from './bg-nbd-predictions.js';
import { simulateBgNbdCustomers } from './bg-nbd-simulation.js';
import { ClvInputError } from './clv-input-error.js';
import type { FrequencySummary } from './customer-summary.js';

// Fader, Hardie & Lee (2005), §4: the CDNOW estimates.
const published: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

const parametersArbitrary = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.05, max: 5, noNaN: true }),
});

const customerArbitrary = fc
  .record({
    x: fc.integer({ min: 0, max: 60 }),
    T: fc.double({ min: 0, max: 80, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }): FrequencySummary => ({ x, tx: x === 0 ? 0 : share * T, T }));

describe(conditionalExpectedPurchases.name, () => {
  it('gives the papers’ example customer 1.226 purchases in the next 39 weeks', () => {
    // Fader, Hardie & Lee (2005), §4 (also their Excel note): x = 2, t_x = 30.43, T = 38.86
    // expects 1.226 purchases in weeks 39–78 at the published estimates.
    expect(conditionalExpectedPurchases(published, 39, { x: 2, tx: 30.43, T: 38.86 })).toBeCloseTo(
      1.226,
      3,
    );
  });

  it('is E[X(t)] for a customer observed from time zero with no purchases', () => {
    expect(conditionalExpectedPurchases(published, 39, { x: 0, tx: 0, T: 0 })).toBeCloseTo(
      expectedPurchases(published, 39),
      12,
    );
  });

  it('is non-negative, zero at t = 0 and non-decreasing in t', () => {
    fc.assert(
      fc.property(
        parametersArbitrary,
        customerArbitrary,
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (parameters, customer, t, extra) => {
          const now = conditionalExpectedPurchases(parameters, t, customer);
          const later = conditionalExpectedPurchases(parameters, t + extra, customer);
          expect(conditionalExpectedPurchases(parameters, 0, customer)).toBe(0);
          expect(now).toBeGreaterThanOrEqual(0);
          expect(later).toBeGreaterThanOrEqual(now - 1e-9 * Math.max(1, now));
          expect(Number.isFinite(later)).toBe(true);
        },
      ),
    );
  });

  it('rejects a negative horizon and an inconsistent customer with errors naming them', () => {
    expect(() => conditionalExpectedPurchases(published, -1, { x: 0, tx: 0, T: 1 })).toThrow(/^t /);
    expect(() => conditionalExpectedPurchases(published, 1, { x: 1, tx: 2, T: 1 })).toThrow(
      ClvInputError,
    );
  });
});

describe(expectedPurchases.name, () => {
  it('matches the mean of customers simulated from the same process', () => {
    const customers = simulateBgNbdCustomers({
      parameters: published,
      customers: 200_000,
      minAge: 39,
      maxAge: 39,
      resolution: 1e-9,
      seed: 11,
    });
    const simulatedMean =
      customers.reduce((sum, customer) => sum + customer.x, 0) / customers.length;
    // Standard error of the simulated mean is about 0.006 here.
    expect(Math.abs(expectedPurchases(published, 39) - simulatedMean)).toBeLessThan(0.025);
  });

  it('is non-negative and non-decreasing in t', () => {
    fc.assert(
      fc.property(
        parametersArbitrary,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (parameters, t, extra) => {
          const now = expectedPurchases(parameters, t);
          expect(now).toBeGreaterThanOrEqual(0);
          expect(expectedPurchases(parameters, t + extra)).toBeGreaterThanOrEqual(
            now - 1e-9 * Math.max(1, now),
          );
        },
      ),
    );
  });

  it('is continuous through the removable singularities at a = 1 and a + b = 1', () => {
    const at = (a: number, b = published.b) => expectedPurchases({ ...published, a, b }, 39);
    expect(at(1)).toBeCloseTo((at(1 - 1e-4) + at(1 + 1e-4)) / 2, 6);
    expect(at(0.4, 0.6)).toBeCloseTo((at(0.4 - 1e-4, 0.6) + at(0.4 + 1e-4, 0.6)) / 2, 6);
    expect(Number.isFinite(at(1))).toBe(true);
  });
});

describe(probabilityAlive.name, () => {
  it('is 1 for a customer without repeat purchases, who cannot have dropped out', () => {
    expect(probabilityAlive(published, { x: 0, tx: 0, T: 30 })).toBe(1);
  });

  it('falls as the time since the last purchase grows', () => {
    const recent = probabilityAlive(published, { x: 3, tx: 35, T: 38 });
    const lapsed = probabilityAlive(published, { x: 3, tx: 5, T: 38 });
    expect(recent).toBeGreaterThan(lapsed);
  });

  it('lies in [0, 1] for any parameters and history', () => {
    fc.assert(
      fc.property(parametersArbitrary, customerArbitrary, (parameters, customer) => {
        const sut = probabilityAlive(parameters, customer);
        expect(sut).toBeGreaterThanOrEqual(0);
        expect(sut).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('stays finite for very heavy lapsed buyers', () => {
    expect(probabilityAlive(published, { x: 5000, tx: 1, T: 500 })).toBe(0);
  });
});
