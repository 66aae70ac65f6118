import type { MentionFilter } from './inputs/mention-filter.input.js';
import type { MentionType } from './mention.type.js';

/** The live feed's filter on one delivered mention; the list applies the same in SQL. */
export function feedFilterAccepts(filter: MentionFilter, mention: MentionType): boolean {
  if (filter.brandIds?.length && !filter.brandIds.some((id) => mention.brandIds.includes(id)))
    return false;
  if (filter.channels?.length && !filter.channels.includes(mention.channel)) return false;
  if (filter.sentiments?.length && !filter.sentiments.includes(mention.sentiment)) return false;
  if (filter.languages?.length && !filter.languages.includes(mention.language)) return false;
  if (
    filter.authorHandle &&
    mention.author?.handle !== filter.authorHandle.replace(/^@/, '').toLowerCase()
  )
    return false;
  if (filter.from && mention.publishedAt < filter.from) return false;
  if (filter.to && mention.publishedAt >= filter.to) return false;
  if (filter.search && !containsAllWords(mention, filter.search)) return false;
  return true;
}

/**
 * The list's full-text rule (`plainto_tsquery('simple', …)`) in memory: every word of the
 * search occurs as a word of the text, case-insensitively, without stemming. (PostgreSQL's
 * parser keeps web and e-mail addresses whole, where this splits them into words.)
 */
function containsAllWords(mention: MentionType, search: string): boolean {
  const words = wordsOfMention(mention);
  return wordsOf(search).every((word) => words.has(word));
}

/** Every subscriber with a search is handed the same mention objects: split each text once. */
const mentionWords = new WeakMap<MentionType, ReadonlySet<string>>();

function wordsOfMention(mention: MentionType): ReadonlySet<string> {
  let words = mentionWords.get(mention);
  if (!words) {
    words = new Set(wordsOf(mention.text));
    mentionWords.set(mention, words);
  }
  return words;
}

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
