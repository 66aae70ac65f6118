import { emojiValence } from './emoji-valence.js';
import { hashFeature } from './hash-feature.js';
import { type CuedToken, markSentimentCues } from './sentiment-cues.js';
import type { SentimentLanguage } from './sentiment-language.js';
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

function wordFeatures(tokens: readonly CuedToken[]): string[] {
  const names: string[] = [];
  const sequence = ['<s>', ...tokens.map((token) => token.text), '</s>'];
  for (const token of tokens) {
    names.push(`w:${token.negated ? '¬' : ''}${token.text}`);
    if (token.intensified) names.push(`i:${token.text}`);
    const valence = token.kind === 'emoji' ? emojiValence(token.text) : undefined;
    if (valence !== undefined && valence !== 0) names.push(valence > 0 ? 'e:+' : 'e:-');
  }
  for (let i = 0; i + 1 < sequence.length; i++) {
    names.push(`b:${sequence[i]} ${sequence[i + 1]}`);
  }
  return names;
}

// Character n-grams inside padded words: they catch inflections and misspellings
// ("lindo", "linda", "lindaa") that whole-word features miss on small training sets.
function characterFeatures(tokens: readonly CuedToken[]): string[] {
  const names: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    const padded = ` ${token.text} `;
    for (let n = MIN_CHAR_NGRAM; n <= MAX_CHAR_NGRAM; n++) {
      for (let start = 0; start + n <= padded.length; start++) {
        names.push(`c:${padded.slice(start, start + n)}`);
      }
    }
  }
  return names;
}

// Each block is scaled to unit length, so long posts do not outvote short ones and the many
// character n-grams do not drown the few word features.
function addBlock(vector: Map<number, number>, names: readonly string[]): void {
  const buckets = new Set(names.map((name) => hashFeature(name, FEATURE_HASH_BITS)));
  const weight = 1 / Math.sqrt(buckets.size);
  for (const bucket of buckets) {
    vector.set(bucket, (vector.get(bucket) ?? 0) + weight);
  }
}

/**
 * Turns a post into the hashed feature vector the sentiment models read: word unigrams
 * (marked when negated), intensified words, word bigrams, the sign of each emoji's rated
 * valence, and character 2- to 5-grams of each word, after `stripPostNoise` and `tokenizePost`.
 */
export function extractSentimentFeatures(text: string, language: SentimentLanguage): SparseVector {
  const tokens = markSentimentCues(tokenizePost(stripPostNoise(text)), language);
  const vector = new Map<number, number>();
  if (tokens.length > 0) {
    addBlock(vector, wordFeatures(tokens));
  }
  const characters = characterFeatures(tokens);
  if (characters.length > 0) {
    addBlock(vector, characters);
  }
  return { indices: [...vector.keys()], values: [...vector.values()] };
}
