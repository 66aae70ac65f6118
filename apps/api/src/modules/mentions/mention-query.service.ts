import type { RequestContext } from '../../platform/context/request-context.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
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

/** Reads the tenant's matched mentions, newest first, with filters. */
export class MentionQueryService {
  constructor(private readonly scopes: OperationScopes) {}

  async list(
    ctx: RequestContext,
    first: number,
    after: string | null,
    input: MentionFilterInput | null,
  ): Promise<Page<MentionType>> {
    checkPageSize(first);
    const filter = parseInput(mentionFilterSchema, input ?? {}, 'filter');
    const cursor = after ? decodeCursor(after).id : null;
    const tenantId = await this.scopes.tenantId(ctx);
    const manager = await this.scopes.manager(ctx);
    // Every criterion is a parameter; an absent one is NULL and drops out of the predicate.
    const where = `m.tenant_id = $1 AND cardinality(m.brand_ids) > 0
      AND ($2::uuid[] IS NULL OR m.brand_ids && $2::uuid[])
      AND ($3::text[] IS NULL OR m.channel = ANY ($3::text[]))
      AND ($4::text[] IS NULL OR m.sentiment_label = ANY ($4::text[]))
      AND ($5::text[] IS NULL OR m.language = ANY ($5::text[]))
      AND ($6::text IS NULL OR a.handle = $6)
      AND ($7::timestamptz IS NULL OR m.published_at >= $7)
      AND ($8::timestamptz IS NULL OR m.published_at < $8)
      AND ($9::text IS NULL OR m.search @@ plainto_tsquery('simple', $9))`;
    const params = [
      tenantId,
      filter.brandIds?.length ? filter.brandIds : null,
      filter.channels?.length ? filter.channels : null,
      filter.sentiments?.length ? filter.sentiments : null,
      filter.languages?.length ? filter.languages : null,
      filter.authorHandle ? filter.authorHandle.replace(/^@/, '').toLowerCase() : null,
      filter.from ?? null,
      filter.to ?? null,
      filter.search ?? null,
    ];
    const from =
      'FROM mention m LEFT JOIN social_identity a ON a.tenant_id = m.tenant_id AND a.id = m.author_identity_id';
    const rows: MentionRow[] = await manager.query(
      `SELECT ${MENTION_COLUMNS} ${from} WHERE ${where} AND ($10::uuid IS NULL OR m.id < $10) ORDER BY m.id DESC LIMIT $11`,
      [...params, cursor, first + 1],
    );
    const [{ total }] = await manager.query(
      `SELECT count(*)::int AS total ${from} WHERE ${where}`,
      params,
    );
    return toPage(rows.map(toMention), first, total);
  }
}
