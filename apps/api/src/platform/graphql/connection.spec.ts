import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { decodeCursor, encodeCursor, toPage } from './connection.js';

const ids = [
  '0190a1b2-c3d4-7e5f-8a9b-000000000003',
  '0190a1b2-c3d4-7e5f-8a9b-000000000002',
  '0190a1b2-c3d4-7e5f-8a9b-000000000001',
];

describe(toPage.name, () => {
  it('keeps `first` rows and says there is a next page when one more was fetched', () => {
    const page = toPage(
      ids.map((id) => ({ id })),
      2,
      10,
    );
    expect(page.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      endCursor: encodeCursor({ id: ids[1] ?? '' }),
    });
    expect(page.totalCount).toBe(10);
  });

  it('has no end cursor on an empty page', () => {
    expect(toPage([], 5, 0).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe(decodeCursor.name, () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor({ id: ids[0] ?? '' }))).toEqual({ id: ids[0] });
  });

  it('refuses a forged cursor as bad input naming the argument', () => {
    const error = (() => {
      try {
        decodeCursor(Buffer.from("1' OR 1=1").toString('base64url'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.fields).toEqual([
      { field: 'after', message: 'is not a valid cursor' },
    ]);
  });
});
