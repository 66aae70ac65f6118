import { describe, expect, it } from 'vitest';
import { extractSentimentFeatures } from './sentiment-features.js';

const squaredNorm = (values: readonly number[]) => values.reduce((sum, v) => sum + v * v, 0);

describe(extractSentimentFeatures.name, () => {
  it('gives the same vector for the same post', () => {
    expect(extractSentimentFeatures('Qué buen día 😍', 'es')).toEqual(
      extractSentimentFeatures('Qué buen día 😍', 'es'),
    );
  });

  it('returns distinct buckets', () => {
    const sut = extractSentimentFeatures('good good good', 'en');
    expect(new Set(sut.indices).size).toBe(sut.indices.length);
  });

  it('scales the word block and the character block to unit length each', () => {
    // Hash collisions between the blocks could only add, so the squared norm is close to 2.
    const sut = extractSentimentFeatures('what a lovely morning', 'en');
    expect(squaredNorm(sut.values)).toBeCloseTo(2, 1);
  });

  it('tells a negated word from a plain one', () => {
    const plain = new Set(extractSentimentFeatures('good', 'en').indices);
    const negated = extractSentimentFeatures('not good', 'en').indices;
    expect(negated.filter((bucket) => !plain.has(bucket)).length).toBeGreaterThan(0);
  });

  it('returns an empty vector for an empty post', () => {
    expect(extractSentimentFeatures('', 'ru')).toEqual({ indices: [], values: [] });
  });
});
