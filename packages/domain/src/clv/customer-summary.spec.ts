import { describe, expect, it } from 'vitest';
import { ClvInputError } from './clv-input-error.js';
import { type Purchase, summarizeCustomers } from './customer-summary.js';
import { cdnowSampleSummaries } from './testing/cdnow-sample.js';

const purchase = (customerId: string, date: string, value = 10): Purchase => ({
  customerId,
  date,
  value,
});

describe(summarizeCustomers.name, () => {
  it('merges same-day purchases and measures x, t_x, T and m from the first transaction', () => {
    const sut = summarizeCustomers(
      [
        purchase('ann', '2024-01-01', 5),
        purchase('ann', '2024-01-08', 20),
        purchase('ann', '2024-01-08', 10),
        purchase('ann', '2024-01-15', 60),
      ],
      { calibrationEnd: '2024-01-29', timeUnit: 'weeks' },
    );
    // Repeats: 2024-01-08 (20 + 10) and 2024-01-15 (60); first purchase not a repeat.
    expect(sut).toEqual([{ customerId: 'ann', x: 2, tx: 2, T: 4, m: 45 }]);
  });

  it('counts holdout transactions and leaves them out of the calibration figures', () => {
    const [sut] = summarizeCustomers(
      [
        purchase('bo', '2024-03-05'),
        purchase('bo', '2024-03-10'),
        purchase('bo', '2024-03-20'),
        purchase('bo', '2024-03-20'),
        purchase('bo', '2024-03-25'),
        purchase('bo', '2024-05-01'),
      ],
      { calibrationEnd: '2024-03-10', holdoutEnd: '2024-03-31', timeUnit: 'days' },
    );
    expect(sut).toEqual({ customerId: 'bo', x: 1, tx: 5, T: 5, m: 10, holdoutX: 2 });
  });

  it('gives one-time buyers x = t_x = m = 0 and leaves out customers who start later', () => {
    const sut = summarizeCustomers(
      [purchase('late', '2024-02-02'), purchase('once', '2024-01-01')],
      { calibrationEnd: '2024-01-31', timeUnit: 'days' },
    );
    expect(sut).toEqual([{ customerId: 'once', x: 0, tx: 0, T: 30, m: 0 }]);
  });

  it('reproduces the papers’ CDNOW calibration and holdout counts', () => {
    const sut = cdnowSampleSummaries();
    // 2,357 sampled customers (Fader, Hardie & Lee 2005, §4); 946 with a repeat purchase
    // (Fader & Hardie 2013). Repeat and holdout totals were counted independently from the
    // raw file (distinct customer-days): 4,814 calibration days − 2,357 firsts = 2,457.
    expect(sut).toHaveLength(2357);
    expect(sut.filter((customer) => customer.x > 0)).toHaveLength(946);
    expect(sut.reduce((sum, customer) => sum + customer.x, 0)).toBe(2457);
    expect(sut.reduce((sum, customer) => sum + (customer.holdoutX ?? 0), 0)).toBe(1882);
    // Every customer joined in the first quarter of 1997: T from 183/7 (Mar 31) to 272/7 (Jan 1).
    expect(Math.min(...sut.map((customer) => customer.T))).toBeGreaterThanOrEqual(183 / 7);
    expect(Math.max(...sut.map((customer) => customer.T))).toBeCloseTo(272 / 7, 10);
  });

  it.each([
    ['purchases[0].date', [purchase('a', '2024-02-30')], '2024-03-01'],
    ['purchases[0].date', [purchase('a', '20240101')], '2024-03-01'],
    ['purchases[0].value', [purchase('a', '2024-01-01', -1)], '2024-03-01'],
    ['purchases[0].value', [purchase('a', '2024-01-01', Number.NaN)], '2024-03-01'],
    ['calibrationEnd', [], 'March'],
  ])('rejects invalid %s with an error naming it', (field, purchases, calibrationEnd) => {
    const call = () => summarizeCustomers(purchases, { calibrationEnd, timeUnit: 'days' });
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(field);
  });

  it('rejects a holdout that ends before calibration does', () => {
    expect(() =>
      summarizeCustomers([], {
        calibrationEnd: '2024-03-01',
        holdoutEnd: '2024-02-01',
        timeUnit: 'days',
      }),
    ).toThrow(/^holdoutEnd /);
  });
});
