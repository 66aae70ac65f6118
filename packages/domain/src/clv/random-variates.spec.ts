import { describe, expect, it } from 'vitest';
import { betaVariate, exponentialVariate, gammaVariate, normalVariate } from './random-variates.js';
import { seededRandom } from './seeded-random.js';

const N = 100_000;

function moments(draw: () => number): { mean: number; variance: number } {
  const draws = Array.from({ length: N }, draw);
  const mean = draws.reduce((sum, v) => sum + v, 0) / N;
  const variance = draws.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (N - 1);
  return { mean, variance };
}

describe(gammaVariate.name, () => {
  it.each([0.243, 1, 6.25])('has mean and variance equal to the shape %s', (shape) => {
    const random = seededRandom(3);
    const { mean, variance } = moments(() => gammaVariate(random, shape));
    expect(mean / shape).toBeCloseTo(1, 1);
    expect(variance / shape).toBeCloseTo(1, 1);
  });
});

describe(betaVariate.name, () => {
  it('has mean a / (a + b)', () => {
    const random = seededRandom(4);
    expect(moments(() => betaVariate(random, 0.793, 2.426)).mean).toBeCloseTo(0.793 / 3.219, 2);
  });
});

describe(exponentialVariate.name, () => {
  it('has mean 1 / rate', () => {
    const random = seededRandom(5);
    expect(moments(() => exponentialVariate(random, 4)).mean).toBeCloseTo(0.25, 2);
  });
});

describe(normalVariate.name, () => {
  it('is standard normal in its first two moments', () => {
    const random = seededRandom(6);
    const { mean, variance } = moments(() => normalVariate(random));
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
  });
});
