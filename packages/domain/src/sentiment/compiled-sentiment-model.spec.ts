import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSentimentModel, scoreSentimentFeatures } from './compiled-sentiment-model.js';
import { sentimentModelPT } from './model/sentiment-model-pt.gen.js';
import {
  decodeSentimentModel,
  encodeSentimentModel,
  predictSentimentProbabilities,
  type SentimentModel,
} from './sentiment-model.js';
import { SparseFeatureBuffer } from './sparse-feature-buffer.js';

const decoded = decodeSentimentModel(sentimentModelPT);
const sut = compileSentimentModel(sentimentModelPT);
const knownBuckets = [...decoded.weights.keys()];

function bufferOf(blocks: readonly (readonly number[])[]): SparseFeatureBuffer {
  const buffer = new SparseFeatureBuffer();
  buffer.reset();
  for (const block of blocks) {
    for (const bucket of block) buffer.add(bucket);
    buffer.endBlock();
  }
  return buffer;
}

describe(scoreSentimentFeatures.name, () => {
  it('gives the probabilities of predictSentimentProbabilities to the last bit', () => {
    // Buckets the shipped model knows, mixed with ones it does not.
    const bucket = fc.oneof(
      fc.constantFrom(...knownBuckets),
      fc.integer({ min: 0, max: 2 ** 20 - 1 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(bucket, { maxLength: 300 }), { maxLength: 2 }), (blocks) => {
        const buffer = bufferOf(blocks);
        const features = {
          indices: Array.from(buffer.indices.subarray(0, buffer.length)),
          values: Array.from(buffer.values.subarray(0, buffer.length)),
        };
        expect(scoreSentimentFeatures(sut, buffer)).toEqual(
          predictSentimentProbabilities(decoded, features),
        );
      }),
    );
  });

  it('scores an empty post by the bias alone', () => {
    const model: SentimentModel = {
      language: 'en',
      hashBits: 20,
      bias: [0.1, 0.2, -0.3],
      weights: new Map([[3, [1.27, 0, -1.27]]]),
    };
    const compiled = compileSentimentModel(encodeSentimentModel(model));
    const scores = [0.1, 0.2, -0.3].map(Math.exp);
    const total = scores.reduce((a, b) => a + b, 0);
    scoreSentimentFeatures(compiled, bufferOf([])).forEach((p, c) => {
      expect(p).toBeCloseTo((scores[c] ?? 0) / total, 12);
    });
  });
});
