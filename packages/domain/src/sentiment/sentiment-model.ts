import type { SparseVector } from './sentiment-features.js';
import type { SentimentProbabilities } from './sentiment-label.js';
import type { SentimentLanguage } from './sentiment-language.js';

const CLASS_COUNT = 3;
const INT8_MAX = 127;

/**
 * A linear three-class model as shipped: hashed feature buckets with int8 weights.
 * `buckets` is base64 of the ascending bucket ids as LEB128 deltas; `weights` is base64 of
 * signed bytes, three per bucket (negative, neutral, positive), to be multiplied by `scale`.
 */
export interface EncodedSentimentModel {
  readonly language: SentimentLanguage;
  readonly hashBits: number;
  readonly bias: readonly [number, number, number];
  readonly scale: number;
  readonly buckets: string;
  readonly weights: string;
}

/** A model ready to score: weights by bucket. */
export interface SentimentModel {
  readonly language: SentimentLanguage;
  readonly hashBits: number;
  readonly bias: readonly [number, number, number];
  /** Bucket id to its three dequantised weights. */
  readonly weights: ReadonlyMap<number, readonly [number, number, number]>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function encodeDeltas(sortedIds: readonly number[]): Uint8Array {
  const bytes: number[] = [];
  let previous = 0;
  for (const id of sortedIds) {
    let delta = id - previous;
    previous = id;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    bytes.push(delta);
  }
  return Uint8Array.from(bytes);
}

function decodeDeltas(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let previous = 0;
  let delta = 0;
  let shift = 0;
  for (const byte of bytes) {
    delta |= (byte & 0x7f) << shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    previous += delta;
    ids.push(previous);
    delta = 0;
    shift = 0;
  }
  return ids;
}

/**
 * Packs a model for shipping: quantises weights to int8 with one scale, drops buckets whose
 * weights all round to zero.
 */
export function encodeSentimentModel(model: SentimentModel): EncodedSentimentModel {
  let largest = 0;
  for (const row of model.weights.values()) {
    for (const weight of row) largest = Math.max(largest, Math.abs(weight));
  }
  const scale = largest > 0 ? largest / INT8_MAX : 1;
  const kept = [...model.weights.entries()]
    .map(([bucket, row]) => [bucket, row.map((weight) => Math.round(weight / scale))] as const)
    .filter(([, row]) => row.some((level) => level !== 0))
    .sort(([a], [b]) => a - b);
  const levels = new Int8Array(kept.length * CLASS_COUNT);
  kept.forEach(([, row], i) => {
    levels.set(row, i * CLASS_COUNT);
  });
  return {
    language: model.language,
    hashBits: model.hashBits,
    bias: model.bias,
    scale,
    buckets: toBase64(encodeDeltas(kept.map(([bucket]) => bucket))),
    weights: toBase64(new Uint8Array(levels.buffer)),
  };
}

/** The rows of a shipped model: ascending bucket ids and their int8 levels, three per bucket. */
export interface QuantisedSentimentRows {
  readonly buckets: readonly number[];
  readonly levels: Int8Array;
}

/** Unpacks the bucket ids and int8 levels of a shipped model, checking that they match. */
export function decodeSentimentRows(encoded: EncodedSentimentModel): QuantisedSentimentRows {
  const buckets = decodeDeltas(fromBase64(encoded.buckets));
  const levels = new Int8Array(fromBase64(encoded.weights).buffer);
  if (levels.length !== buckets.length * CLASS_COUNT) {
    throw new Error(`Sentiment model ${encoded.language}: weights do not match buckets`);
  }
  return { buckets, levels };
}

/** Unpacks a shipped model. */
export function decodeSentimentModel(encoded: EncodedSentimentModel): SentimentModel {
  const { buckets, levels } = decodeSentimentRows(encoded);
  const weights = new Map<number, readonly [number, number, number]>();
  buckets.forEach((bucket, i) => {
    const at = i * CLASS_COUNT;
    weights.set(bucket, [
      (levels[at] ?? 0) * encoded.scale,
      (levels[at + 1] ?? 0) * encoded.scale,
      (levels[at + 2] ?? 0) * encoded.scale,
    ]);
  });
  return { language: encoded.language, hashBits: encoded.hashBits, bias: encoded.bias, weights };
}

/**
 * The softmax of three linear scores. Both scorers (this file's and the compiled one) go through
 * this one function, so equal scores give probabilities equal to the last bit.
 */
export function softmaxOfScores(
  negative: number,
  neutral: number,
  positive: number,
): SentimentProbabilities {
  const top = Math.max(negative, neutral, positive);
  const expNegative = Math.exp(negative - top);
  const expNeutral = Math.exp(neutral - top);
  const expPositive = Math.exp(positive - top);
  const total = expNegative + expNeutral + expPositive;
  return [expNegative / total, expNeutral / total, expPositive / total];
}

/** Class probabilities of a feature vector under a model (softmax of the linear scores). */
export function predictSentimentProbabilities(
  model: SentimentModel,
  features: SparseVector,
): SentimentProbabilities {
  const scores = [...model.bias];
  features.indices.forEach((bucket, i) => {
    const row = model.weights.get(bucket);
    const value = features.values[i] ?? 0;
    if (row === undefined) return;
    for (let c = 0; c < CLASS_COUNT; c++) scores[c] = (scores[c] ?? 0) + (row[c] ?? 0) * value;
  });
  return softmaxOfScores(scores[0] ?? 0, scores[1] ?? 0, scores[2] ?? 0);
}
