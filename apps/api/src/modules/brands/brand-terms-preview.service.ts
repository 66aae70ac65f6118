import { compileBrandMatcher } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import { checkPageSize } from '../../platform/graphql/connection.js';
import { parseInput } from '../../platform/graphql/validation.js';
import { MENTION_COLUMNS, MENTION_FROM, type MentionRow, toMention } from '../mentions/index.js';
import type { BrandTermsPreviewType } from './brand-terms-preview.type.js';
import { type BrandTermsInput, brandTermsSchema } from './inputs/brand-terms.input.js';

/** How far back a preview looks: enough to judge terms, little enough to match on every keystroke. */
export const PREVIEW_WINDOW = 500;

/**
 * Draft terms tried on the tenant's latest received mentions, matched or not, with the matcher
 * ingest compiles (on the text ingest stored), so the preview says what ingest would do.
 */
export class BrandTermsPreviewService {
  async preview(
    op: Operation,
    input: BrandTermsInput,
    first: number,
  ): Promise<BrandTermsPreviewType> {
    checkPageSize(first);
    const terms = parseInput(brandTermsSchema, input, 'terms');
    const matcher = compileBrandMatcher([
      {
        id: 'draft',
        keywords: terms.keywords ?? [],
        hashtags: terms.hashtags ?? [],
        handles: terms.handles ?? [],
        excludedTerms: terms.excludedTerms ?? [],
      },
    ]);
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    // Ids are time-ordered at ingest: the highest are the latest received.
    const recent: Array<{ id: string; body: string }> = await manager.query(
      'SELECT id, body FROM mention WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2',
      [tenantId, PREVIEW_WINDOW],
    );
    const matching = recent.filter((mention) => matcher.match(mention.body).length > 0);
    const shown: MentionRow[] = await manager.query(
      `SELECT ${MENTION_COLUMNS} ${MENTION_FROM} WHERE m.tenant_id = $1 AND m.id = ANY ($2::uuid[])
       ORDER BY m.id DESC`,
      [tenantId, matching.slice(0, first).map((mention) => mention.id)],
    );
    return { scanned: recent.length, matchCount: matching.length, mentions: shown.map(toMention) };
  }
}
