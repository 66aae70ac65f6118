import type { SentimentProbabilities } from './sentiment-label.js';
import {
  decodeSentimentRows,
  type EncodedSentimentModel,
  softmaxOfScores,
} from './sentiment-model.js';
import type { SparseFeatureBuffer } from './sparse-feature-buffer.js';

const CLASS_COUNT = 3;
// A slot holds its bucket id and the bucket's three weights side by side, so a lookup touches
// one cache line rather than a key table and then a weight table.
const SLOT_WIDTH = 1 + CLASS_COUNT;
const EMPTY = -1;

/**
 * A shipped model laid out for scoring many posts: an open-addressing table whose slots hold a
 * bucket id and its dequantised weights. Float64 rather than Float32: `level × scale` must stay
 * the same double `decodeSentimentModel` gives, or scores would drift in the last bits.
 */
export interface CompiledSentimentModel {
  readonly bias: readonly [number, number, number];
  /** Slot mask: the slot count is a power of two. */
  readonly mask: number;
  /** `SLOT_WIDTH` numbers a slot: bucket id (`-1` when empty), then the three class weights. */
  readonly slots: Float64Array;
}

// Bucket ids are FNV-1a bits already, so their low bits spread well enough to index the table.
function slotOf(model: CompiledSentimentModel, bucket: number): number {
  let slot = bucket & model.mask;
  for (;;) {
    const held = model.slots[slot * SLOT_WIDTH] ?? EMPTY;
    if (held === bucket || held === EMPTY) return slot;
    slot = (slot + 1) & model.mask;
  }
}

/** Unpacks a shipped model into the layout `scoreSentimentFeatures` reads. */
export function compileSentimentModel(encoded: EncodedSentimentModel): CompiledSentimentModel {
  const { buckets, levels } = decodeSentimentRows(encoded);
  // Under two thirds full, so probes stay short.
  let slotCount = 1;
  while (2 * slotCount < 3 * buckets.length) slotCount *= 2;
  const model: CompiledSentimentModel = {
    bias: encoded.bias,
    mask: slotCount - 1,
    slots: new Float64Array(slotCount * SLOT_WIDTH).fill(EMPTY),
  };
  buckets.forEach((bucket, row) => {
    const at = slotOf(model, bucket) * SLOT_WIDTH;
    model.slots[at] = bucket;
    for (let c = 0; c < CLASS_COUNT; c++) {
      model.slots[at + 1 + c] = (levels[row * CLASS_COUNT + c] ?? 0) * encoded.scale;
    }
  });
  return model;
}

/**
 * Class probabilities of the features in `buffer` under a compiled model. Sums the features in
 * the buffer's order, exactly as `predictSentimentProbabilities` does, so results are identical.
 */
export function scoreSentimentFeatures(
  model: CompiledSentimentModel,
  buffer: SparseFeatureBuffer,
): SentimentProbabilities {
  let [negative, neutral, positive] = model.bias;
  const { slots } = model;
  for (let i = 0; i < buffer.length; i++) {
    const bucket = buffer.indices[i] ?? 0;
    const at = slotOf(model, bucket) * SLOT_WIDTH;
    if (slots[at] !== bucket) continue;
    const value = buffer.values[i] ?? 0;
    negative += (slots[at + 1] ?? 0) * value;
    neutral += (slots[at + 2] ?? 0) * value;
    positive += (slots[at + 3] ?? 0) * value;
  }
  return softmaxOfScores(negative, neutral, positive);
}
