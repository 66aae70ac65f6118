import { type Caller, gql } from './graphql-client.js';

/** A mention as the `mentions` list shows it: what ingest decided about one post. */
export interface ListedMention {
  readonly externalId: string;
  readonly channel: string;
  readonly language: string;
  readonly sentiment: 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';
  readonly brandIds: string[];
  readonly text: string;
  readonly publishedAt: string;
}

export interface Breakdown {
  key: string;
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  netSentiment: number | null;
}

/** The tenant's mentions published in [from, to), from the list (one page of at most 100). */
export async function listMentions(
  graphqlUrl: string,
  caller: Caller,
  from: number,
  to: number,
): Promise<ListedMention[]> {
  const response = await gql<{
    mentions: { totalCount: number; edges: Array<{ node: ListedMention }> };
  }>(
    graphqlUrl,
    `query($filter: MentionFilterInput) {
      mentions(first: 100, filter: $filter) {
        totalCount edges { node { externalId channel language sentiment brandIds text publishedAt } }
      }
    }`,
    { filter: { from: new Date(from).toISOString(), to: new Date(to).toISOString() } },
    caller,
  );
  const page = response.data?.mentions;
  if (!page || page.totalCount > 100)
    throw new Error(`listing failed: ${JSON.stringify(response)}`);
  return page.edges.map((edge) => edge.node);
}

/** (positive − negative) / (positive + negative), null without polar mentions. */
export function netSentimentOf(counts: { positive: number; negative: number }): number | null {
  const polar = counts.positive + counts.negative;
  return polar === 0 ? null : (counts.positive - counts.negative) / polar;
}

/** Mentions grouped by `keysOf` (a mention may fall in several groups), most first, then by key. */
export function breakdown(
  mentions: readonly ListedMention[],
  keysOf: (mention: ListedMention) => readonly string[],
): Breakdown[] {
  const groups = new Map<string, Breakdown>();
  for (const mention of mentions) {
    for (const key of keysOf(mention)) {
      const group = groups.get(key) ?? {
        key,
        mentions: 0,
        positive: 0,
        neutral: 0,
        negative: 0,
        netSentiment: null,
      };
      group.mentions += 1;
      group[mention.sentiment.toLowerCase() as 'positive' | 'neutral' | 'negative'] += 1;
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((group) => ({ ...group, netSentiment: netSentimentOf(group) }))
    .sort((a, b) => b.mentions - a.mentions || compareCodePoints(a.key, b.key));
}

/**
 * The `limit` terms found in most texts (each text counts a term once), ties in code-point
 * order; `termsOf` gives one text's terms.
 */
export function topTerms(
  texts: readonly string[],
  termsOf: (text: string) => Iterable<string>,
  limit = 20,
): Array<{ term: string; mentions: number }> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const term of new Set(termsOf(text))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts]
    .map(([term, mentions]) => ({ term, mentions }))
    .sort((a, b) => b.mentions - a.mentions || compareCodePoints(a.term, b.term))
    .slice(0, limit);
}

/** Hashtags of a post, lower-cased, without `#`; not the fragment of a link (`/page#part`). */
export function hashtagsOf(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}_/&])#([\p{L}\p{N}_]+)/gu)].map((match) =>
    (match[1] ?? '').toLowerCase(),
  );
}

/** Words of a post without links, hashtags, handles, `stopwords`, numbers and single letters. */
export function wordsOf(text: string, stopwords: ReadonlySet<string>): string[] {
  const prose = text.replace(/https?:\/\/\S+/g, ' ').replace(/[#@]\S+/g, ' ');
  return [...prose.matchAll(/[\p{L}\p{N}]+/gu)]
    .map(([word]) => word.toLowerCase())
    .filter((word) => [...word].length > 1 && !/^\p{N}+$/u.test(word) && !stopwords.has(word));
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
