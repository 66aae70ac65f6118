import { CONTACT_COUNT_CAP } from '@socialcrm/validation';
import { z } from 'zod';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import { checkPageSize } from '../../platform/graphql/connection.js';
import { SortDirection } from '../../platform/graphql/sort-direction.js';
import { parseInput } from '../../platform/graphql/validation.js';
import type { ContactConnection } from './contact-connection.js';
import { ContactSortField, contactSortSchema } from './contact-inputs.js';
import { CONTACT_COLUMNS, type ContactRow, toContact } from './contact-row.js';
import type { ContactSelection, ContactSelectionInput } from './contact-selection.js';

/** Each order's key (served by a `(tenant_id, key, id)` index) and its SQL type. */
const SORT_KEYS: Record<ContactSortField, { sql: string; type: string }> = {
  DISPLAY_NAME: { sql: 'c.display_name', type: 'text' },
  LAST_NAME: { sql: `coalesce(c.last_name, '')`, type: 'text' },
  CREATED_AT: { sql: 'c.created_at', type: 'timestamptz' },
  UPDATED_AT: { sql: 'c.updated_at', type: 'timestamptz' },
};

const NEWEST_FIRST = { field: ContactSortField.CREATED_AT, direction: SortDirection.DESC };

/** The position after a row: its sort key as text (exact, times to the microsecond) and id. */
const cursorSchema = z.tuple([z.string(), z.uuid()]);
const encodeCursor = (key: string, id: string) =>
  Buffer.from(JSON.stringify([key, id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
  } catch {
    throw badUserInput([{ field: 'after', message: 'is not a valid cursor' }]);
  }
}

export interface ContactListArgs extends ContactSelectionInput {
  readonly first: number;
  readonly after?: string | null;
  readonly sort?: unknown;
}

/**
 * The contacts list by keyset: the page's ids come from the order's index (no OFFSET), the
 * identities and companies are read for those rows only, and the count runs only if asked.
 */
export class ContactList {
  constructor(private readonly selection: ContactSelection) {}

  async page(op: Operation, args: ContactListArgs): Promise<ContactConnection> {
    const first = checkPageSize(args.first);
    const sort = args.sort ? parseInput(contactSortSchema, args.sort, 'sort') : NEWEST_FIRST;
    const key = SORT_KEYS[sort.field];
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const where = await this.selection.condition(op, args, 2);
    const params: unknown[] = [tenantId, ...where.params];
    const direction = sort.direction === SortDirection.ASC ? 'ASC' : 'DESC';
    let keyset = '';
    if (args.after) {
      const [afterKey, afterId] = decodeCursor(args.after);
      params.push(afterKey, afterId);
      keyset = ` AND (${key.sql}, c.id) ${direction === 'ASC' ? '>' : '<'} ($${params.length - 1}::${key.type}, $${params.length}::uuid)`;
    }
    params.push(first + 1);
    const rows: (ContactRow & { sortKey: string })[] = await manager.query(
      `WITH page AS (
         SELECT c.id, ${key.sql} AS sort_value FROM contact c
         WHERE c.tenant_id = $1 AND (${where.sql})${keyset}
         ORDER BY ${key.sql} ${direction}, c.id ${direction} LIMIT $${params.length}
       )
       SELECT ${CONTACT_COLUMNS}, page.sort_value::text AS "sortKey"
       FROM page JOIN contact c ON c.tenant_id = $1 AND c.id = page.id
       ORDER BY page.sort_value ${direction}, page.id ${direction}`,
      params,
    );
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    let counted: Promise<number> | undefined;
    return {
      edges: nodes.map(({ sortKey, ...row }) => ({
        cursor: encodeCursor(sortKey, row.id),
        node: toContact(row),
      })),
      pageInfo: {
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor(last.sortKey, last.id) : null,
      },
      // A getter: GraphQL reads it only when the query selects totalCount.
      get totalCount() {
        // A first page that holds every match is its own count.
        if (!args.after && rows.length <= first) return nodes.length;
        counted ??= manager
          .query(
            `SELECT count(*)::int AS n FROM (SELECT 1 FROM contact c WHERE c.tenant_id = $1 AND (${where.sql})
             LIMIT ${CONTACT_COUNT_CAP + 1}) matched`,
            [tenantId, ...where.params],
          )
          .then(([row]: { n: number }[]) => row?.n ?? 0);
        return counted;
      },
    };
  }
}
