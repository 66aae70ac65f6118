import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketStart, nextBucketStart } from './time-bucket.js';

describe(bucketStart.name, () => {
  it('truncates to UTC midnight for days', () => {
    expect(bucketStart(new Date('2024-03-15T23:59:00Z'), 'day').toISOString()).toBe(
      '2024-03-15T00:00:00.000Z',
    );
  });

  it('goes back to Monday for weeks, also from a Sunday', () => {
    // 2024-03-17 is a Sunday; its ISO week starts on Monday 2024-03-11.
    expect(bucketStart(new Date('2024-03-17T10:00:00Z'), 'week').toISOString()).toBe(
      '2024-03-11T00:00:00.000Z',
    );
  });

  it('goes back to the first of the month for months', () => {
    expect(bucketStart(new Date('2024-02-29T12:00:00Z'), 'month').toISOString()).toBe(
      '2024-02-01T00:00:00.000Z',
    );
  });
});

describe(nextBucketStart.name, () => {
  it('steps by a day, a week, or a calendar month', () => {
    const start = new Date('2024-01-31T00:00:00Z');
    expect(nextBucketStart(start, 'day').toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(nextBucketStart(start, 'week').toISOString()).toBe('2024-02-07T00:00:00.000Z');
    expect(nextBucketStart(new Date('2024-12-01T00:00:00Z'), 'month').toISOString()).toBe(
      '2025-01-01T00:00:00.000Z',
    );
  });
});

describe(bucketLabel.name, () => {
  it('labels months as YYYY-MM and other buckets by their first day', () => {
    const date = new Date('2024-03-17T10:00:00Z');
    expect(bucketLabel(date, 'month')).toBe('2024-03');
    expect(bucketLabel(date, 'week')).toBe('2024-03-11');
    expect(bucketLabel(date, 'day')).toBe('2024-03-17');
  });
});
