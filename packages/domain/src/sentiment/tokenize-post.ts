import { normalizeEmoji } from './emoji-valence.js';

/** What a token is made of; only words take part in negation and character n-grams. */
export type PostTokenKind = 'word' | 'emoji' | 'punctuation';

/** One lower-cased token of a post. */
export interface PostToken {
  readonly text: string;
  readonly kind: PostTokenKind;
}

// Emoticons first, so ":(" is not read as punctuation; not before a letter or digit ("10:30").
const EMOTICON = String.raw`(?:[:;=]-?[()\[\]DPpO3](?![\p{L}\p{N}])|<3)`;
const EMOJI = String.raw`(?:\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*)`;
const WORD = String.raw`(?:[\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*|\p{N}+)`;
const PUNCTUATION = '(?:[!?¡¿]+|[.,;:…]+)';
const TOKEN = new RegExp(`(${EMOTICON})|(${EMOJI})|(${WORD})|(${PUNCTUATION})`, 'gu');

/**
 * Splits a post (usually after `stripPostNoise`) into lower-cased words, emoji and emoticons,
 * and punctuation runs. Punctuation runs are cut to two characters so "!!!!!" and "!!" match.
 */
export function tokenizePost(text: string): PostToken[] {
  const tokens: PostToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [whole, emoticon, emoji, word] = match;
    if (emoticon !== undefined) {
      tokens.push({ text: emoticon, kind: 'emoji' });
    } else if (emoji !== undefined) {
      tokens.push({ text: normalizeEmoji(emoji), kind: 'emoji' });
    } else if (word !== undefined) {
      tokens.push({ text: word.toLowerCase().replaceAll('’', "'"), kind: 'word' });
    } else {
      tokens.push({ text: whole.slice(0, 2), kind: 'punctuation' });
    }
  }
  return tokens;
}
