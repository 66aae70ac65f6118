import { emojiValence } from './emoji-valence.js';
import {
  EMPTY_FEATURE_HASH,
  featureBucket,
  foldFeatureHash,
  foldFeatureHashUnit,
  hashFeature,
} from './hash-feature.js';
import { type CuedToken, markSentimentCues } from './sentiment-cues.js';
import type { SentimentLanguage } from './sentiment-language.js';
import { SparseFeatureBuffer } from './sparse-feature-buffer.js';
import { stripPostNoise } from './strip-post-noise.js';
import { tokenizePost } from './tokenize-post.js';

/** A sparse feature vector: parallel arrays of distinct bucket indices and their values. */
export interface SparseVector {
  readonly indices: readonly number[];
  readonly values: readonly number[];
}

/** Number of hash bits of the feature space; the model artefacts are built with this value. */
export const FEATURE_HASH_BITS = 20;

const MIN_CHAR_NGRAM = 2;
const MAX_CHAR_NGRAM = 5;
const SPACE = 0x20;

// Feature names are hashed piece by piece from these prefixes instead of being built as strings
// (`w:¬word`, `b:one two`, `c:ab`): same buckets, no garbage.
const WORD = foldFeatureHash(EMPTY_FEATURE_HASH, 'w:');
const NEGATED_WORD = foldFeatureHash(WORD, '¬');
const INTENSIFIED_WORD = foldFeatureHash(EMPTY_FEATURE_HASH, 'i:');
const BIGRAM = foldFeatureHash(EMPTY_FEATURE_HASH, 'b:');
const CHARACTERS = foldFeatureHash(EMPTY_FEATURE_HASH, 'c:');
const POSITIVE_EMOJI = hashFeature('e:+', FEATURE_HASH_BITS);
const NEGATIVE_EMOJI = hashFeature('e:-', FEATURE_HASH_BITS);
const START = '<s>';
const END = '</s>';

function bucketOf(prefix: number, text: string): number {
  return featureBucket(foldFeatureHash(prefix, text), FEATURE_HASH_BITS);
}

function bigramBucket(first: string, second: string): number {
  const withFirst = foldFeatureHashUnit(foldFeatureHash(BIGRAM, first), SPACE);
  return bucketOf(withFirst, second);
}

// Word unigrams (marked when negated), intensified words, emoji valence signs, then bigrams
// over the tokens between sentence marks: the order the models were trained with.
function addWordFeatures(buffer: SparseFeatureBuffer, tokens: readonly CuedToken[]): void {
  for (const token of tokens) {
    buffer.add(bucketOf(token.negated ? NEGATED_WORD : WORD, token.text));
    if (token.intensified) buffer.add(bucketOf(INTENSIFIED_WORD, token.text));
    const valence = token.kind === 'emoji' ? emojiValence(token.text) : undefined;
    if (valence !== undefined && valence !== 0) {
      buffer.add(valence > 0 ? POSITIVE_EMOJI : NEGATIVE_EMOJI);
    }
  }
  let previous = START;
  for (const token of tokens) {
    buffer.add(bigramBucket(previous, token.text));
    previous = token.text;
  }
  buffer.add(bigramBucket(previous, END));
}

// Character n-grams inside padded words: they catch inflections and misspellings
// ("lindo", "linda", "lindaa") that whole-word features miss on small training sets.
// All 2-grams of a word come first, then all 3-grams and so on, as the names were listed.
function addCharacterFeatures(buffer: SparseFeatureBuffer, tokens: readonly CuedToken[]): void {
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    const { text } = token;
    // `text` padded with a space each side, read by code unit.
    const padded = text.length + 2;
    for (let n = MIN_CHAR_NGRAM; n <= MAX_CHAR_NGRAM; n++) {
      for (let start = 0; start + n <= padded; start++) {
        let hash = CHARACTERS;
        for (let i = start; i < start + n; i++) {
          const unit = i === 0 || i === padded - 1 ? SPACE : text.charCodeAt(i - 1);
          hash = foldFeatureHashUnit(hash, unit);
        }
        buffer.add(featureBucket(hash, FEATURE_HASH_BITS));
      }
    }
  }
}

/**
 * Fills `buffer` with the features of a post already passed through `stripPostNoise`: the word
 * block, then the character block, each scaled to unit length, so long posts do not outvote
 * short ones and the many character n-grams do not drown the few word features.
 */
export function collectSentimentFeatures(
  cleanedText: string,
  language: SentimentLanguage,
  buffer: SparseFeatureBuffer,
): void {
  const tokens = markSentimentCues(tokenizePost(cleanedText), language);
  buffer.reset();
  if (tokens.length === 0) return;
  addWordFeatures(buffer, tokens);
  buffer.endBlock();
  addCharacterFeatures(buffer, tokens);
  buffer.endBlock();
}

/**
 * Turns a post into the hashed feature vector the sentiment models read: word unigrams
 * (marked when negated), intensified words, word bigrams, the sign of each emoji's rated
 * valence, and character 2- to 5-grams of each word, after `stripPostNoise` and `tokenizePost`.
 */
export function extractSentimentFeatures(text: string, language: SentimentLanguage): SparseVector {
  const buffer = new SparseFeatureBuffer();
  collectSentimentFeatures(stripPostNoise(text), language, buffer);
  return {
    indices: Array.from(buffer.indices.subarray(0, buffer.length)),
    values: Array.from(buffer.values.subarray(0, buffer.length)),
  };
}
