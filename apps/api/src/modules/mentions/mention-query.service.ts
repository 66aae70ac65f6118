import type { Operation } from '../../platform/database/operation-scope.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { parseInput } from '../../platform/graphql/validation.js';
import { type MentionFilterInput, mentionFilterSchema } from './inputs/mention-filter.input.js';
import type { MentionType } from './mention.type.js';
import { MENTION_COLUMNS, type MentionRow, toMention } from './mention-row.js';
import { MENTION_FROM, mentionWhere } from './mention-where.js';

/** Reads the tenant's matched mentions, newest first, with filters. */
export class MentionQueryService {
  async list(
    op: Operation,
    first: number,
    after: string | null,
    input: MentionFilterInput | null,
  ): Promise<Page<MentionType>> {
    checkPageSize(first);
    const filter = parseInput(mentionFilterSchema, input ?? {}, 'filter');
    const cursor = after ? decodeCursor(after).id : null;
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const { sql: where, params } = mentionWhere(tenantId, filter);
    const rows: MentionRow[] = await manager.query(
      `SELECT ${MENTION_COLUMNS} ${MENTION_FROM} WHERE ${where} AND ($10::uuid IS NULL OR m.id < $10) ORDER BY m.id DESC LIMIT $11`,
      [...params, cursor, first + 1],
    );
    const [{ total }] = await manager.query(
      `SELECT count(*)::int AS total ${MENTION_FROM} WHERE ${where}`,
      params,
    );
    return toPage(rows.map(toMention), first, total);
  }
}
