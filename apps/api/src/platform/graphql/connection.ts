import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from '../errors/app-error.js';
import { isUuid } from '../uuid.js';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass as `after` for the next page.',
  })
  endCursor: string | null;
}

export interface Page<T> {
  readonly edges: ReadonlyArray<{ cursor: string; node: T }>;
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/** A Relay connection type for `Node` (edges with cursors, pageInfo, totalCount). */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType()
  abstract class ConnectionType implements Page<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}

export const MAX_PAGE_SIZE = 100;

export interface KeysetCursor {
  /** A time-ordered id (UUIDv7): newest first is `ORDER BY id DESC`. */
  readonly id: string;
}

/** Cursors are opaque to clients: base64url of the keyset position. */
export function encodeCursor(row: KeysetCursor): string {
  return Buffer.from(row.id).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): KeysetCursor {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!isUuid(id)) throw badUserInput([{ field, message: 'is not a valid cursor' }]);
  return { id };
}

export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return first;
}

/** Builds a page from rows fetched with `limit first + 1`. */
export function toPage<T extends KeysetCursor>(
  rows: T[],
  first: number,
  totalCount: number,
): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null },
    totalCount,
  };
}
