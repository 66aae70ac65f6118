// Some exports (the English UMSAB files among them) keep JSON escapes such as `\u2019` as text.
const LITERAL_UNICODE_ESCAPE = /\\u([0-9a-fA-F]{4})/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const HANDLE = /@[\p{L}\p{N}_]+/gu;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;
// Lower-to-upper and letter-to-digit boundaries inside a hashtag: #NoMeGusta, #MasterChefBR, #Covid19.
const HASHTAG_WORD_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})|_/gu;
// "soooo" and "sooo" carry the same word; two letters keep it apart from "so".
const ELONGATION = /(\p{L})\1{2,}/gu;
const HTML_ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };
const HTML_ENTITY = /&(?:amp|lt|gt);/g;

/**
 * Removes what says nothing about a post's language or sentiment and keeps the rest readable:
 * decodes literal `\uXXXX` escapes and the common HTML entities, drops URLs and @handles, turns
 * hashtags into their words (`#NoMeGusta` becomes `No Me Gusta`) and shortens letter runs
 * longer than two. Case, emoji and punctuation are kept.
 */
export function stripPostNoise(text: string): string {
  return text
    .replace(LITERAL_UNICODE_ESCAPE, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    )
    .replace(HTML_ENTITY, (entity) => HTML_ENTITIES[entity] ?? entity)
    .replace(URL, ' ')
    .replace(HANDLE, ' ')
    .replace(HASHTAG, (_, tag: string) => ` ${tag.replace(HASHTAG_WORD_BOUNDARY, ' ')} `)
    .replace(ELONGATION, '$1$1');
}
