import type { Operation } from '../../platform/database/operation-scope.js';
import { MENTION_FROM } from '../mentions/index.js';
import type { MentionSelection, TermCount } from './mention-stats.type.js';

export const TOP_TERMS = 20;

// A `#` not glued to a word, a link (`…/page#part`) or an entity (`&#39;`), then the tag.
const HASHTAG = '(?<![[:alnum:]_/&])#([[:alnum:]_]+)';
// Hashtags are counted on their own and handles name people, not topics.
const TAG_OR_HANDLE = '[#@][^[:space:]]+';

/**
 * The period's most frequent hashtags and words, counted in PostgreSQL: how many mentions
 * contain each (a post repeating a word counts once), ties in code-point order.
 */
export class TopTermsService {
  async hashtags(op: Operation, where: MentionSelection): Promise<TermCount[]> {
    const manager = await op.manager();
    return manager.query(
      `SELECT lower(hashtag.parts[1]) COLLATE "C" AS term, count(DISTINCT m.id)::int AS mentions
       ${MENTION_FROM}
       CROSS JOIN LATERAL regexp_matches(m.body, '${HASHTAG}', 'g') AS hashtag(parts)
       WHERE ${where.sql}
       GROUP BY 1 ORDER BY mentions DESC, term LIMIT ${TOP_TERMS}`,
      where.params,
    );
  }

  /**
   * Words of the posts without hashtags, handles, links, numbers, single letters and the
   * stopwords of Spanish, English, Portuguese and Russian (the `app.mention_terms` text search
   * configuration).
   */
  async terms(op: Operation, where: MentionSelection): Promise<TermCount[]> {
    const manager = await op.manager();
    return manager.query(
      `SELECT word.lexeme COLLATE "C" AS term, count(*)::int AS mentions
       ${MENTION_FROM}
       CROSS JOIN LATERAL unnest(
         to_tsvector('app.mention_terms', regexp_replace(m.body, '${TAG_OR_HANDLE}', ' ', 'g'))
       ) AS word
       WHERE ${where.sql} AND char_length(word.lexeme) > 1
       GROUP BY 1 ORDER BY mentions DESC, term LIMIT ${TOP_TERMS}`,
      where.params,
    );
  }
}
