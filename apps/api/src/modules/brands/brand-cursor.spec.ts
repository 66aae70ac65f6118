import { describe, expect, it } from 'vitest';
import { SortDirection } from '../../platform/graphql/sort-direction.js';
import { decodeBrandCursor, encodeBrandCursor } from './brand-cursor.js';
import { BrandSortField } from './brand-sort.js';

const byCount = { field: BrandSortField.MENTION_COUNT, direction: SortDirection.DESC };
const byName = { field: BrandSortField.NAME, direction: SortDirection.ASC };
const id = '0190a5b2-7c3e-7000-8000-000000000001';

const forged = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const problemOf = (decode: () => unknown) => {
  try {
    decode();
  } catch (error) {
    return (error as { details?: { fields?: unknown } }).details?.fields;
  }
  return undefined;
};

describe('brand list cursors', () => {
  it('give back the position they were made of, in the same order', () => {
    for (const [sort, key] of [
      [byCount, '-9223372036854775808'],
      [byName, 'café "aurora" \\ ünïcode'],
    ] as const) {
      expect(decodeBrandCursor(encodeBrandCursor(sort, { key, id }), sort)).toEqual({ key, id });
    }
  });

  it('are refused in another order, naming `after`', () => {
    const cursor = encodeBrandCursor(byCount, { key: '3', id });
    for (const sort of [byName, { ...byCount, direction: SortDirection.ASC }]) {
      expect(problemOf(() => decodeBrandCursor(cursor, sort))).toEqual([
        { field: 'after', message: 'belongs to another order of the list' },
      ]);
    }
  });

  it('are refused when forged into what the database could not read', () => {
    for (const cursor of [
      'not-base64-json',
      forged({ f: 'MENTION_COUNT', d: 'DESC', k: '1 OR 1=1', i: id }),
      forged({ f: 'MENTION_COUNT', d: 'DESC', k: '9223372036854775808', i: id }),
      forged({ f: 'NAME', d: 'ASC', k: 'nul\u0000', i: id }),
      forged({ f: 'NAME', d: 'ASC', k: 'a', i: 'not-a-uuid' }),
    ]) {
      expect(problemOf(() => decodeBrandCursor(cursor, byCount))).toEqual([
        { field: 'after', message: 'is not a valid cursor' },
      ]);
    }
  });
});
