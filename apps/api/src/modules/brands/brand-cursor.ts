import { z } from 'zod';
import { badUserInput } from '../../platform/errors/app-error.js';
import { SortDirection } from '../../platform/graphql/sort-direction.js';
import { isSortKeyOf } from './brand-page.sql.js';
import { type BrandSort, BrandSortField } from './brand-sort.js';

/**
 * Where a sorted page ended: the last brand's sort key (as the database printed it) and id.
 * The cursor names its order, so it is never read against another one.
 */
export interface BrandCursor {
  readonly key: string;
  readonly id: string;
}

const cursorSchema = z.object({
  f: z.enum(BrandSortField),
  d: z.enum(SortDirection),
  // PostgreSQL text cannot hold NUL: a tampered key must not become a database error.
  k: z
    .string()
    .max(2_000)
    .regex(/^[^\0]*$/),
  i: z.uuid(),
});

/** Opaque to clients: base64url of the keyset position and the order it belongs to. */
export function encodeBrandCursor(sort: BrandSort, cursor: BrandCursor): string {
  const value = { f: sort.field, d: sort.direction, k: cursor.key, i: cursor.id };
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeBrandCursor(after: string, sort: BrandSort): BrandCursor {
  const parsed = cursorSchema.safeParse(parseJson(Buffer.from(after, 'base64url').toString()));
  const cursor = parsed.data;
  if (!cursor || !isSortKeyOf(cursor.f, cursor.k))
    throw badUserInput([{ field: 'after', message: 'is not a valid cursor' }]);
  if (cursor.f !== sort.field || cursor.d !== sort.direction)
    throw badUserInput([{ field: 'after', message: 'belongs to another order of the list' }]);
  return { key: cursor.k, id: cursor.i };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
