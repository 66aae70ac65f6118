import { describe, expect, it } from 'vitest';
import {
  decodeSentimentModel,
  encodeSentimentModel,
  predictSentimentProbabilities,
  type SentimentModel,
} from './sentiment-model.js';

const modelFactory = (): SentimentModel => ({
  language: 'en',
  hashBits: 20,
  bias: [0.1, 0.2, -0.3],
  weights: new Map([
    [3, [1.27, 0, -1.27]],
    [200_000, [-0.5, 0.25, 0.25]],
    [7, [0.001, 0, -0.001]],
  ]),
});

describe(encodeSentimentModel.name, () => {
  it('round-trips through decodeSentimentModel within the int8 step', () => {
    const sut = decodeSentimentModel(encodeSentimentModel(modelFactory()));
    expect(sut.bias).toEqual([0.1, 0.2, -0.3]);
    expect(sut.weights.get(3)?.[0]).toBeCloseTo(1.27, 2);
    expect(sut.weights.get(200_000)?.[0]).toBeCloseTo(-0.5, 2);
  });

  it('drops buckets whose weights all quantise to zero', () => {
    const sut = decodeSentimentModel(encodeSentimentModel(modelFactory()));
    expect(sut.weights.has(7)).toBe(false);
  });
});

describe(decodeSentimentModel.name, () => {
  it('rejects weights that do not match the buckets', () => {
    const encoded = { ...encodeSentimentModel(modelFactory()), weights: btoa('\x01') };
    expect(() => decodeSentimentModel(encoded)).toThrow(/do not match/);
  });
});

describe(predictSentimentProbabilities.name, () => {
  it('applies the softmax of bias plus weighted features', () => {
    const sut = predictSentimentProbabilities(modelFactory(), { indices: [3, 99], values: [1, 5] });
    const scores = [0.1 + 1.27, 0.2, -0.3 - 1.27].map(Math.exp);
    const total = scores.reduce((a, b) => a + b, 0);
    sut.forEach((p, c) => {
      expect(p).toBeCloseTo((scores[c] ?? 0) / total, 12);
    });
  });
});
