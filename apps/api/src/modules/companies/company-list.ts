import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, notFound } from '../../platform/errors/app-error.js';
import { checkPageSize } from '../../platform/graphql/connection.js';
import { decodeSortCursor, encodeSortCursor } from '../../platform/graphql/sort-cursor.js';
import { SortDirection } from '../../platform/graphql/sort-direction.js';
import { requireId } from '../../platform/graphql/validation.js';
import {
  type CompanyConnection,
  type CompanySort,
  CompanySortField,
  type CompanyType,
} from './company.type.js';
import { COMPANY_COLUMNS, type CompanyRow, toCompany } from './company-row.js';

/** Each order's key as SQL (a constant, never input) and its type for the cursor. */
const SORT_KEYS: Record<CompanySortField, { sql: string; type: string }> = {
  NAME: { sql: 'co.name', type: 'text' },
  // Companies without a domain sort after every domain (A to Z) or before (Z to A).
  DOMAIN: { sql: `coalesce(co.domain, '~')`, type: 'text' },
  CREATED_AT: { sql: 'co.created_at', type: 'timestamptz' },
};

const SEARCH_MAX = 200;

export interface CompanyListArgs {
  readonly first: number;
  readonly after?: string | null;
  readonly search?: string | null;
  readonly sort?: CompanySort | null;
}

/** The tenant's companies by keyset (no OFFSET), searched by name or domain. */
export class CompanyList {
  async get(op: Operation, id: string): Promise<CompanyType> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [row]: CompanyRow[] = await manager.query(
      `SELECT ${COMPANY_COLUMNS} FROM company co WHERE co.tenant_id = $1 AND co.id = $2`,
      [tenantId, requireId(id)],
    );
    if (!row) throw notFound('Company');
    return toCompany(row);
  }

  async page(op: Operation, args: CompanyListArgs): Promise<CompanyConnection> {
    const first = checkPageSize(args.first);
    const field = args.sort?.field ?? CompanySortField.NAME;
    const direction =
      args.sort?.direction ??
      (field === CompanySortField.CREATED_AT ? SortDirection.DESC : SortDirection.ASC);
    const key = SORT_KEYS[field];
    const search = args.search?.trim() ?? '';
    if (search.length > SEARCH_MAX)
      throw badUserInput([
        { field: 'search', message: `must have at most ${SEARCH_MAX} characters` },
      ]);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    // The search is a literal text within the name or domain: LIKE's wildcards are escaped.
    const pattern = search ? `%${search.replace(/[\\%_]/g, '\\$&')}%` : null;
    const matching =
      'co.tenant_id = $1 AND ($2::text IS NULL OR co.name ILIKE $2 OR co.domain ILIKE $2)';
    const position = args.after ? decodeSortCursor(args.after) : null;
    const params: unknown[] = [tenantId, pattern];
    let keyset = '';
    if (position) {
      params.push(position.key, position.id);
      keyset = ` AND (${key.sql}, co.id) ${direction === SortDirection.ASC ? '>' : '<'} ($3::${key.type}, $4::uuid)`;
    }
    params.push(first + 1);
    const rows: Array<CompanyRow & { sortKey: string }> = await manager.query(
      `SELECT ${COMPANY_COLUMNS}, ${key.sql}::text AS "sortKey" FROM company co
       WHERE ${matching}${keyset}
       ORDER BY ${key.sql} ${direction}, co.id ${direction} LIMIT $${params.length}`,
      params,
    );
    const [{ total }]: [{ total: number }] = await manager.query(
      `SELECT count(*)::int AS total FROM company co WHERE ${matching}`,
      [tenantId, pattern],
    );
    const edges = rows.slice(0, first).map(({ sortKey, ...row }) => ({
      cursor: encodeSortCursor({ key: sortKey, id: row.id }),
      node: toCompany(row),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }
}
