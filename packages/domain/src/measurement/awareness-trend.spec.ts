import { describe, expect, it } from 'vitest';
import { awarenessTrend } from './awareness-trend.js';

const at = (iso: string) => new Date(iso);

describe(awarenessTrend.name, () => {
  it('counts mentions per month with the growth over the previous month', () => {
    const mentions = [
      at('2024-01-03T00:00:00Z'),
      at('2024-01-20T00:00:00Z'),
      at('2024-02-02T00:00:00Z'),
      at('2024-02-09T00:00:00Z'),
      at('2024-02-28T00:00:00Z'),
    ];
    const sut = awarenessTrend(
      mentions,
      { from: at('2024-01-01T00:00:00Z'), to: at('2024-03-31T00:00:00Z') },
      'month',
    );
    expect(sut.map((b) => [b.label, b.count, b.growthRate])).toEqual([
      ['2024-01', 2, null],
      ['2024-02', 3, 0.5],
      ['2024-03', 0, -1],
    ]);
  });

  it('keeps empty days and gives null growth after an empty bucket', () => {
    const sut = awarenessTrend(
      [at('2024-05-03T08:00:00Z')],
      { from: at('2024-05-01T00:00:00Z'), to: at('2024-05-03T23:00:00Z') },
      'day',
    );
    expect(sut.map((b) => b.count)).toEqual([0, 0, 1]);
    expect(sut.map((b) => b.growthRate)).toEqual([null, null, null]);
  });

  it('ignores mentions outside the range', () => {
    const sut = awarenessTrend(
      [at('2023-12-31T23:00:00Z'), at('2024-01-08T00:00:00Z')],
      { from: at('2024-01-01T00:00:00Z'), to: at('2024-01-07T23:59:59Z') },
      'week',
    );
    expect(sut).toHaveLength(1);
    expect(sut[0]?.count).toBe(0);
  });

  it('rejects a reversed range', () => {
    expect(() =>
      awarenessTrend(
        [],
        { from: at('2024-02-01T00:00:00Z'), to: at('2024-01-01T00:00:00Z') },
        'day',
      ),
    ).toThrow(RangeError);
  });
});
