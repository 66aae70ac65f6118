import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

describe(seededRandom.name, () => {
  it('replays the same sequence from the same seed and another from another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniformly from [0, 1)', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 100_000 }, random);
    const mean = draws.reduce((sum, u) => sum + u, 0) / draws.length;
    expect(draws.every((u) => u >= 0 && u < 1)).toBe(true);
    // Standard error of the mean is 0.0009.
    expect(mean).toBeCloseTo(0.5, 2);
  });
});
