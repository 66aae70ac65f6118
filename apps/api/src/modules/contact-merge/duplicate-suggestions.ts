import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, notFound } from '../../platform/errors/app-error.js';
import { checkPageSize, type Page } from '../../platform/graphql/connection.js';
import { decodeSortCursor, encodeSortCursor } from '../../platform/graphql/sort-cursor.js';
import { parseInput } from '../../platform/graphql/validation.js';
import type { ContactType } from '../contacts/index.js';
// One statement for a page's contacts, read as the contacts module reads them.
import { CONTACT_COLUMNS, type ContactRow, toContact } from '../contacts/index.js';
import { contactIdList } from './contact-ids.js';
import type { DuplicateReason, DuplicateSuggestionType } from './duplicate.type.js';

/** The least trigram similarity of two names at one company for SIMILAR_NAME_SAME_COMPANY. */
export const NAME_SIMILARITY_THRESHOLD = 0.6;

/**
 * Every pair of the tenant's contacts with a reason, one self-join per reason on the shared
 * value (hash joins over the unnested emails and phones, the (tenant, channel, handle) key of
 * identities, the profile URL index, company membership), never a comparison of every pair.
 * Pairs are (a, b) with a < b; dismissed pairs are left out. The score is 1 − Π(1 − weight).
 */
const SUGGESTIONS = `
  WITH emails AS (SELECT c.id, e.value FROM contact c, unnest(c.emails) AS e(value) WHERE c.tenant_id = $1),
  phones AS (SELECT c.id, p.value FROM contact c, unnest(c.phones) AS p(value) WHERE c.tenant_id = $1),
  pairs AS (
    SELECT x.id AS a, y.id AS b, 'SAME_EMAIL' AS reason, NULL::real AS similarity
      FROM emails x JOIN emails y ON y.value = x.value AND y.id > x.id
    UNION ALL
    SELECT x.id, y.id, 'SAME_PHONE', NULL FROM phones x JOIN phones y ON y.value = x.value AND y.id > x.id
    UNION ALL
    SELECT least(i.contact_id, v.id), greatest(i.contact_id, v.id), 'SAME_IDENTITY', NULL
      FROM (SELECT id, value, 'EMAIL' AS channel FROM emails
            UNION ALL SELECT id, value, 'PHONE' FROM phones) v
      JOIN social_identity i ON i.tenant_id = $1 AND i.channel = v.channel AND i.handle = v.value
     WHERE i.contact_id <> v.id
    UNION ALL
    SELECT least(x.contact_id, y.contact_id), greatest(x.contact_id, y.contact_id), 'SAME_IDENTITY', NULL
      FROM social_identity x
      JOIN social_identity y ON y.tenant_id = x.tenant_id AND lower(y.profile_url) = lower(x.profile_url)
                            AND y.profile_url IS NOT NULL AND y.id > x.id
     WHERE x.tenant_id = $1 AND x.profile_url IS NOT NULL AND x.contact_id <> y.contact_id
    UNION ALL
    SELECT x.contact_id, y.contact_id, 'SIMILAR_NAME_SAME_COMPANY', named.similarity
      FROM contact_company x
      JOIN contact_company y ON y.tenant_id = x.tenant_id AND y.company_id = x.company_id
                            AND y.contact_id > x.contact_id
      JOIN contact cx ON cx.tenant_id = x.tenant_id AND cx.id = x.contact_id
      JOIN contact cy ON cy.tenant_id = y.tenant_id AND cy.id = y.contact_id
      CROSS JOIN LATERAL (SELECT similarity(app.person_name_key(cx.first_name, cx.last_name, cx.display_name),
                                            app.person_name_key(cy.first_name, cy.last_name, cy.display_name))
                                 AS similarity) named
     WHERE x.tenant_id = $1 AND named.similarity >= ${NAME_SIMILARITY_THRESHOLD}
  ),
  reasons AS (SELECT a, b, reason, max(similarity) AS similarity FROM pairs GROUP BY a, b, reason),
  suggestions AS (
    SELECT a, b, array_agg(reason ORDER BY reason) AS reasons,
           round((1 - exp(sum(ln(1 - CASE reason WHEN 'SAME_PHONE' THEN 0.8
                                                 WHEN 'SIMILAR_NAME_SAME_COMPANY' THEN 0.75 * similarity
                                                 ELSE 0.9 END))))::numeric, 4) AS score
      FROM reasons r
     WHERE NOT EXISTS (SELECT 1 FROM contact_duplicate_dismissal d
                        WHERE d.tenant_id = $1 AND d.contact_a = r.a AND d.contact_b = r.b)
     GROUP BY a, b
  )`;

interface SuggestionRow {
  a: string;
  b: string;
  reasons: DuplicateReason[];
  score: string;
  total: number;
}

/** Duplicate suggestions, the most likely first, and the pairs users dismissed. */
export class DuplicateSuggestions {
  async page(
    op: Operation,
    first: number,
    after?: string | null,
  ): Promise<Page<DuplicateSuggestionType>> {
    checkPageSize(first);
    const position = after ? decodeSortCursor(after) : null;
    const [score, b] = position ? position.key.split(' ') : [null, null];
    if (position && !(score && b && /^\d(\.\d+)?$/.test(score)))
      throw badUserInput([{ field: 'after', message: 'is not a valid cursor' }]);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: SuggestionRow[] = await manager.query(
      `${SUGGESTIONS}
       SELECT s.a, s.b, s.reasons, s.score::text AS score, (SELECT count(*)::int FROM suggestions) AS total
         FROM suggestions s
        WHERE $2::numeric IS NULL OR s.score < $2 OR (s.score = $2 AND (s.a, s.b) > ($3::uuid, $4::uuid))
        ORDER BY s.score DESC, s.a, s.b LIMIT $5`,
      [tenantId, score, position?.id ?? null, b, first + 1],
    );
    const contacts = await this.contacts(
      op,
      rows.flatMap((row) => [row.a, row.b]),
    );
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeSortCursor({ key: `${row.score} ${row.b}`, id: row.a }),
      node: {
        id: `${row.a}:${row.b}`,
        contacts: [contacts.get(row.a), contacts.get(row.b)] as ContactType[],
        reasons: row.reasons,
        score: Number(row.score),
      },
    }));
    const total = rows[0]?.total ?? (await this.count(op));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }

  /** Records that the given contacts are not duplicates of each other (every pair of them). */
  async dismiss(op: Operation, contactIds: readonly string[]): Promise<boolean> {
    const ids = parseInput(contactIdList(2, 20), contactIds, 'contactIds');
    const [manager, tenantId, { userId }] = [
      await op.manager(),
      await op.tenantId(),
      await op.access(),
    ];
    const [{ found }]: [{ found: number }] = await manager.query(
      'SELECT count(*)::int AS found FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
      [tenantId, ids],
    );
    if (found < ids.length) throw notFound('Contact');
    await manager.query(
      `INSERT INTO contact_duplicate_dismissal (tenant_id, contact_a, contact_b, dismissed_by)
       SELECT $1, x.id, y.id, $3 FROM unnest($2::uuid[]) AS x(id) JOIN unnest($2::uuid[]) AS y(id) ON x.id < y.id
       ON CONFLICT DO NOTHING`,
      [tenantId, ids, userId],
    );
    return true;
  }

  /** The total when the page is empty (past the end), without its rows. */
  private async count(op: Operation): Promise<number> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [{ total }]: [{ total: number }] = await manager.query(
      `${SUGGESTIONS} SELECT count(*)::int AS total FROM suggestions`,
      [tenantId],
    );
    return total;
  }

  private async contacts(op: Operation, ids: readonly string[]): Promise<Map<string, ContactType>> {
    if (ids.length === 0) return new Map();
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: ContactRow[] = await manager.query(
      `SELECT ${CONTACT_COLUMNS} FROM contact c WHERE c.tenant_id = $1 AND c.id = ANY ($2::uuid[])`,
      [tenantId, [...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, toContact(row)]));
  }
}
