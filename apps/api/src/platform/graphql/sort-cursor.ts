import { badUserInput } from '../errors/app-error.js';
import { isUuid } from '../uuid.js';

/**
 * The keyset position after a row of a list ordered by some key, then id: the key as the
 * database writes it as text (exact: times to the microsecond) and the id. Opaque to clients.
 */
export interface SortPosition {
  readonly key: string;
  readonly id: string;
}

export function encodeSortCursor({ key, id }: SortPosition): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeSortCursor(cursor: string, field = 'after'): SortPosition {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && isUuid(id)) return { key, id };
  } catch {
    // Not JSON: refused below like any other malformed cursor.
  }
  throw badUserInput([{ field, message: 'is not a valid cursor' }]);
}
