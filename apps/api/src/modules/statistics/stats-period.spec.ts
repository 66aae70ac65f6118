import { describe, expect, it } from 'vitest';
import { parseInput } from '../../platform/graphql/validation.js';
import {
  bucketStarts,
  MAX_BUCKETS,
  MAX_PERIOD_DAYS,
  StatsBucket,
  statsPeriodSchema,
} from './stats-period.js';

const DAY = 86_400_000;
const FROM = Date.UTC(2026, 0, 1);

function problems(from: number, to: number, bucket: StatsBucket) {
  try {
    parseInput(statsPeriodSchema, { from: new Date(from), to: new Date(to), bucket }, 'period');
    return [];
  } catch (error) {
    return (error as { details: { fields: unknown[] } }).details.fields;
  }
}

describe('statsPeriodSchema', () => {
  it('takes a custom range of any length up to the maximum, and the period before it', () => {
    const to = FROM + MAX_PERIOD_DAYS * DAY;
    expect(problems(FROM, to, StatsBucket.MONTH)).toEqual([]);
    expect(problems(FROM - (to - FROM), FROM, StatsBucket.MONTH)).toEqual([]);
    expect(problems(FROM + 3_600_000, FROM + 2 * DAY + 7_200_000, StatsBucket.DAY)).toEqual([]);
  });

  it('refuses a longer range, naming `period.to` and the maximum', () => {
    expect(problems(FROM, FROM + MAX_PERIOD_DAYS * DAY + 1, StatsBucket.MONTH)).toEqual([
      {
        field: 'period.to',
        message: 'must be at most 1,096 days after `from`',
        reason: 'TOO_LONG',
        params: { max: MAX_PERIOD_DAYS },
      },
    ]);
  });

  it('refuses a bucket too small for the range, naming `period.bucket`', () => {
    expect(problems(FROM, FROM + MAX_BUCKETS * DAY, StatsBucket.DAY)).toEqual([]);
    expect(problems(FROM, FROM + (MAX_BUCKETS + 1) * DAY, StatsBucket.DAY)).toEqual([
      expect.objectContaining({ field: 'period.bucket', reason: 'TOO_MANY' }),
    ]);
  });
});

describe(bucketStarts.name, () => {
  it('covers [from, to) from the bucket holding `from`', () => {
    const starts = bucketStarts(new Date(FROM + 3_600_000), new Date(FROM + 2 * DAY + 1), 'day');
    expect(starts).toEqual([new Date(FROM), new Date(FROM + DAY), new Date(FROM + 2 * DAY)]);
  });
});
