import { describe, expect, it } from 'vitest';
import { emptyCounts, sumCounts } from './measures/period-counts.js';
import { figure, marketingReport } from './report-figures.js';
import { withPreviousPeriod } from './report-period.js';

const DAY = 86_400_000;
const periods = withPreviousPeriod({
  from: new Date(Date.UTC(2026, 2, 1)),
  to: new Date(Date.UTC(2026, 2, 8)),
});

describe(figure.name, () => {
  it('gives the difference and the change relative to the previous value', () => {
    expect(figure(6, 4)).toEqual({ current: 6, previous: 4, difference: 2, change: 0.5 });
    expect(figure(-0.5, -1)).toEqual({ current: -0.5, previous: -1, difference: 0.5, change: 0.5 });
  });

  it('has no change from zero and nothing to compare with an unknown value', () => {
    expect(figure(3, 0)).toEqual({ current: 3, previous: 0, difference: 3, change: null });
    expect(figure(null, 0.2)).toEqual({
      current: null,
      previous: 0.2,
      difference: null,
      change: null,
    });
  });
});

describe(withPreviousPeriod.name, () => {
  it('compares with the period of the same length just before, by day up to a quarter', () => {
    expect(periods.previousFrom).toEqual(new Date(Date.UTC(2026, 1, 22)));
    expect(periods.buckets).toBe(7);
    expect(periods.bucketSeconds).toBe(DAY / 1000);
  });

  it('counts longer periods by week, the last week possibly short', () => {
    const year = withPreviousPeriod({ from: new Date(0), to: new Date(365 * DAY) });
    expect(year.bucketSeconds).toBe((7 * DAY) / 1000);
    expect(year.buckets).toBe(53);
  });
});

describe(marketingReport.name, () => {
  it('recomputes the rates of a sum from the summed counts, never averaging them', () => {
    const a = { ...emptyCounts(7), emailsSent: 4, emailsBounced: 1, emailsOpened: 3 };
    const b = { ...emptyCounts(7), emailsSent: 1, emailsOpened: 0 };
    const total = sumCounts([a, b], 7);
    const report = marketingReport({ current: total, previous: emptyCounts(7) }, periods, 'USD');
    // (3 + 0) / (3 + 1) delivered, not the mean of 3/3 and 0/1.
    expect(report.engagement.emailOpenRate.current).toBe(0.75);
    expect(report.engagement.emailBounceRate.current).toBe(0.2);
  });

  it('hides revenue that adds up different currencies', () => {
    const counts = { ...emptyCounts(7), orders: 2, revenue: 30 };
    const report = marketingReport({ current: counts, previous: counts }, periods, null);
    expect(report.sales.revenue.current).toBeNull();
    expect(report.sales.orders.current).toBe(2);
    expect(report.trend.every((point) => point.revenue === null)).toBe(true);
  });
});
