import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectMentionSpikes } from './spike-detection.js';

// Deterministic noise (a linear congruential generator) so the noisy series are reproducible.
function noisySeries(length: number, level: number, spread: number, seed = 7): number[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.round(level + (state / 2 ** 31 - 0.5) * 2 * spread);
  });
}

const spikeIndices = (counts: number[]) =>
  detectMentionSpikes(counts)
    .filter((p) => p.isSpike)
    .map((p) => p.index);

describe(detectMentionSpikes.name, () => {
  it('detects spikes injected into a noisy series and nothing else', () => {
    const counts = noisySeries(120, 50, 10);
    for (const i of [30, 75, 76]) counts[i] = 150;
    expect(spikeIndices(counts)).toEqual([30, 75, 76]);
  });

  it('raises no alert on a long noisy series without spikes', () => {
    expect(spikeIndices(noisySeries(365, 50, 12, 11))).toEqual([]);
    expect(spikeIndices(noisySeries(365, 3, 3, 5))).toEqual([]);
  });

  it('scores a point by the modified z-score against its trailing window', () => {
    // window [5, 14, 11, 8, 17, 11, 14]: median 11, MAD 3 (above the Poisson floor
    // 0.6745 × √11 ≈ 2.24) → 0.6745 × (30 − 11) / 3.
    const [point] = detectMentionSpikes([5, 14, 11, 8, 17, 11, 14, 30]).slice(-1);
    expect(point?.baseline).toBe(11);
    expect(point?.score).toBeCloseTo(4.2718, 4);
    expect(point?.isSpike).toBe(true);
  });

  it('does not treat leading zeros as history', () => {
    const counts = [...Array(30).fill(0), 6, 8, 7, 9, 6, 8, 7, 8, 40];
    const points = detectMentionSpikes(counts);
    expect(points.slice(30, 37).every((p) => p.score === null && !p.isSpike)).toBe(true);
    expect(points.at(-1)?.isSpike).toBe(true);
  });

  it('gives no verdict on a series shorter than the required history', () => {
    const points = detectMentionSpikes([1, 2, 300]);
    expect(points.every((p) => p.score === null && !p.isSpike)).toBe(true);
  });

  it('floors the scale at Poisson noise so a calm baseline does not over-alert', () => {
    // MAD is 0 here; the floor 0.6745 × √50 makes 60 a z of 1.41 rather than infinity.
    const point = detectMentionSpikes([50, 50, 50, 50, 50, 50, 50, 60]).at(-1);
    expect(point?.score).toBeCloseTo(10 / Math.sqrt(50), 6);
    expect(point?.isSpike).toBe(false);
  });

  it('ignores a jump that stays below the minimum count', () => {
    const quietBrand = [0, 1, 0, 0, 1, 0, 1, 0, 0, 9];
    expect(spikeIndices(quietBrand)).toEqual([]);
    expect(detectMentionSpikes(quietBrand, { minCount: 5 }).at(-1)?.isSpike).toBe(true);
  });

  it('handles an empty series', () => {
    expect(detectMentionSpikes([])).toEqual([]);
  });

  it('never flags a constant series', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(400), (level, length) => {
        const counts = Array.from({ length }, () => level);
        expect(detectMentionSpikes(counts).some((p) => p.isSpike)).toBe(false);
      }),
    );
  });
});
