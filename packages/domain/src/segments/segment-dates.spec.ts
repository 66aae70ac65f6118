import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageAtLeastBound, ageInYears, instantBefore, parseInstant } from './segment-dates.js';

const instant = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2100-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe(parseInstant.name, () => {
  it('reads a date alone as midnight UTC and honours zones', () => {
    expect(parseInstant('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseInstant('2024-05-01T10:00:00+02:00')).toBe(Date.UTC(2024, 4, 1, 8));
    expect(parseInstant('2024-05-01T10:00:00.123456Z')).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(parseInstant('0001-01-01')).toBe(new Date('0001-01-01T00:00:00Z').getTime());
  });

  it('rejects impossible dates, local times and other formats', () => {
    for (const text of [
      '2023-02-29',
      '2024-13-01',
      '2024-05-01T10:00',
      '0000-01-01',
      'May 1',
      '',
    ]) {
      expect(parseInstant(text)).toBeUndefined();
    }
  });

  it('reads back every canonical ISO string', () => {
    fc.assert(
      fc.property(instant, (date) => {
        expect(parseInstant(date.toISOString())).toBe(date.getTime());
      }),
    );
  });
});

describe(instantBefore.name, () => {
  const now = new Date('2024-03-31T15:30:00Z');

  it('steps days and weeks exactly and clamps months to the month end', () => {
    expect(instantBefore(now, 30, 'days').toISOString()).toBe('2024-03-01T15:30:00.000Z');
    expect(instantBefore(now, 2, 'weeks').toISOString()).toBe('2024-03-17T15:30:00.000Z');
    expect(instantBefore(now, 1, 'months').toISOString()).toBe('2024-02-29T15:30:00.000Z');
    expect(instantBefore(now, 13, 'months').toISOString()).toBe('2023-02-28T15:30:00.000Z');
    expect(instantBefore(new Date('2024-02-29T00:00:00Z'), 1, 'years').toISOString()).toBe(
      '2023-02-28T00:00:00.000Z',
    );
  });
});

describe(ageInYears.name, () => {
  it('counts the birthday itself and not the day before', () => {
    const birth = Date.UTC(2000, 5, 15);
    expect(ageInYears(birth, new Date('2024-06-15T00:00:00Z'))).toBe(24);
    expect(ageInYears(birth, new Date('2024-06-14T23:59:59Z'))).toBe(23);
  });

  it('makes a 29 February child a year older on 1 March of a common year', () => {
    const birth = Date.UTC(2004, 1, 29);
    expect(ageInYears(birth, new Date('2023-02-28T12:00:00Z'))).toBe(18);
    expect(ageInYears(birth, new Date('2023-03-01T00:00:00Z'))).toBe(19);
  });
});

describe(ageAtLeastBound.name, () => {
  it('is the birth-date bound of an age test', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 150 }), (birth, now, years) => {
        const bound = ageAtLeastBound(now, years).getTime();
        expect(ageInYears(birth.getTime(), now) >= years).toBe(birth.getTime() < bound);
      }),
    );
  });

  it('holds on 29 February', () => {
    const now = new Date('2024-02-29T08:00:00Z');
    expect(ageAtLeastBound(now, 1).toISOString()).toBe('2023-03-01T00:00:00.000Z');
    expect(ageAtLeastBound(now, 4).toISOString()).toBe('2020-03-01T00:00:00.000Z');
  });
});
