import { foldText } from './fold-text.js';

/**
 * Characters that continue a word, hashtag or handle: letters with their marks, digits and `_`.
 * `_` counts because it joins words in handles and tags (`@starbucks_es`, `#nova_news`).
 */
export const WORD_CHARACTER = String.raw`[\p{L}\p{M}\p{N}_]`;

const HAS_WORD_CHARACTER = new RegExp(WORD_CHARACTER, 'u');
const WHITESPACE_RUN = /\s+/g;
// With the `u` flag only syntax characters may be escaped (`\-` is a syntax error there).
const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** Turns each whitespace run into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ');
}

/**
 * The form a term is compared in: folded, trimmed, whitespace runs as one space, and `prefix`
 * added when a hashtag or handle was stored without it. `null` for a term with no letter or
 * digit (blank, `#`, `!!!`), which would otherwise match almost any post.
 */
export function canonicalTerm(raw: string, prefix?: '#' | '@'): string | null {
  const term = collapseWhitespace(foldText(raw).trim());
  const prefixed = prefix === undefined || term.startsWith(prefix) ? term : `${prefix}${term}`;
  return HAS_WORD_CHARACTER.test(prefixed) ? prefixed : null;
}

/** Regular-expression source for a canonical term: literal, any whitespace run between words. */
export function termPattern(term: string): string {
  return term.replace(REGEXP_SYNTAX, String.raw`\$&`).replaceAll(' ', String.raw`\s+`);
}
