import { SortDirection } from '../../platform/graphql/sort-direction.js';
import { mentionStatsSql } from './brand-mention-stats.js';
import { type BrandSort, BrandSortField } from './brand-sort.js';

interface SortKey {
  /** The key over `b` (the brand) and `s` (its mention stats). */
  readonly sql: string;
  readonly type: 'text' | 'bigint';
  /** Ordering by it needs the stats of every listed brand, not only the page's. */
  readonly needsStats: boolean;
}

// Times as whole microseconds: exact in a cursor, where a JavaScript Date keeps milliseconds.
const micros = (time: string) => `(extract(epoch FROM ${time}) * 1000000)::bigint`;

const SORT_KEYS: Record<BrandSortField, SortKey> = {
  [BrandSortField.NAME]: { sql: 'lower(b.name)', type: 'text', needsStats: false },
  [BrandSortField.CREATED_AT]: { sql: micros('b.created_at'), type: 'bigint', needsStats: false },
  [BrandSortField.MENTION_COUNT]: {
    sql: 'coalesce(s.mention_count, 0)::bigint',
    type: 'bigint',
    needsStats: true,
  },
  // Never mentioned sorts as the oldest possible.
  [BrandSortField.LAST_MENTION_AT]: {
    sql: `coalesce(${micros('s.last_mention_at')}, '-9223372036854775808'::bigint)`,
    type: 'bigint',
    needsStats: true,
  },
};

/** Whether a cursor's key can be read back as its order's type (a bigint, or any text). */
export function isSortKeyOf(field: BrandSortField, key: string): boolean {
  return SORT_KEYS[field].type === 'text' || (/^-?\d{1,19}$/.test(key) && fitsBigint(BigInt(key)));
}

const fitsBigint = (value: bigint) => value >= -(2n ** 63n) && value < 2n ** 63n;

/**
 * One statement for a page of the tenant's (`$1`) brands whose name contains `$2` (or all),
 * after the keyset position (`$3` key, `$4` id) in `sort`, `$5` rows at most, with the total.
 * Mention stats are one grouped scan: of the page's brands when the order does not need them,
 * of every listed brand when it does.
 */
export function brandPageSql(sort: BrandSort): string {
  const key = SORT_KEYS[sort.field];
  const direction = sort.direction === SortDirection.ASC ? 'ASC' : 'DESC';
  const after = sort.direction === SortDirection.ASC ? '>' : '<';
  const listed = `listed AS (
      SELECT id, name, kind, keywords, hashtags, handles, excluded_terms, created_at, updated_at
      FROM tracked_brand
      WHERE tenant_id = $1 AND ($2::text IS NULL OR strpos(lower(name), lower($2)) > 0))`;
  const stats = (of: string) =>
    `stats AS (${mentionStatsSql(`(SELECT array_agg(id) FROM ${of})`)})`;
  const page = `page AS (
      SELECT b.*, ${key.sql} AS sort_key
      FROM listed b ${key.needsStats ? 'LEFT JOIN stats s ON s.brand_id = b.id' : ''}
      WHERE $3::text IS NULL OR (${key.sql}, b.id) ${after} ($3::${key.type}, $4::uuid)
      ORDER BY ${key.sql} ${direction}, b.id ${direction}
      LIMIT $5)`;
  const ctes = key.needsStats ? [listed, stats('listed'), page] : [listed, page, stats('page')];
  return `WITH ${ctes.join(',\n')}
    SELECT (SELECT count(*)::int FROM listed) AS total,
      coalesce((
        SELECT json_agg(json_build_object(
            'id', p.id, 'name', p.name, 'kind', p.kind, 'keywords', p.keywords,
            'hashtags', p.hashtags, 'handles', p.handles, 'excludedTerms', p.excluded_terms,
            'createdAt', p.created_at, 'updatedAt', p.updated_at,
            'mentionCount', coalesce(s.mention_count, 0), 'lastMentionAt', s.last_mention_at,
            'sortKey', p.sort_key::text)
          ORDER BY p.sort_key ${direction}, p.id ${direction})
        FROM page p LEFT JOIN stats s ON s.brand_id = p.id), '[]') AS rows`;
}
