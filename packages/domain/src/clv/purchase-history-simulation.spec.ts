import { describe, expect, it } from 'vitest';
import { expectedPurchases } from './bg-nbd-predictions.js';
import {
  type PurchaseHistoryOptions,
  simulatePurchaseHistories,
} from './purchase-history-simulation.js';

// The CDNOW estimates of Fader, Hardie & Lee (2005) and Fader & Hardie (2013).
const options: PurchaseHistoryOptions = {
  frequency: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  spend: { p: 6.25, q: 3.74, gamma: 15.44 },
  customers: 20_000,
  start: 0,
  end: 52,
  unit: 1,
  seed: 13,
};

describe(simulatePurchaseHistories.name, () => {
  it('is reproducible from its seed', () => {
    const small = { ...options, customers: 50 };
    expect(simulatePurchaseHistories(small)).toEqual(simulatePurchaseHistories(small));
    expect(simulatePurchaseHistories(small)).not.toEqual(
      simulatePurchaseHistories({ ...small, seed: 14 }),
    );
  });

  it('starts every history inside the window and keeps purchases in order before its end', () => {
    for (const { purchases } of simulatePurchaseHistories({ ...options, customers: 2_000 })) {
      expect(purchases[0]?.at).toBeGreaterThanOrEqual(options.start);
      for (const [index, purchase] of purchases.entries()) {
        expect(purchase.at).toBeLessThan(options.end);
        expect(purchase.value).toBeGreaterThan(0);
        if (index > 0) expect(purchase.at).toBeGreaterThan(purchases[index - 1]?.at ?? 0);
      }
    }
  });

  it('repeats purchases as often as BG/NBD expects over each customer’s observed time', () => {
    const histories = simulatePurchaseHistories(options);
    const repeats = histories.reduce((sum, history) => sum + history.purchases.length - 1, 0);
    const expected = histories.reduce(
      (sum, history) =>
        sum + expectedPurchases(options.frequency, options.end - (history.purchases[0]?.at ?? 0)),
      0,
    );
    expect(repeats / expected).toBeGreaterThan(0.93);
    expect(repeats / expected).toBeLessThan(1.07);
  });

  it('spends pγ/(q − 1) per purchase on average, the Gamma–Gamma population mean', () => {
    const values = simulatePurchaseHistories(options).flatMap((history) =>
      history.purchases.map((purchase) => purchase.value),
    );
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const { p, q, gamma } = options.spend;
    expect(mean / ((p * gamma) / (q - 1))).toBeGreaterThan(0.9);
    expect(mean / ((p * gamma) / (q - 1))).toBeLessThan(1.1);
  });
});
