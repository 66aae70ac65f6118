import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INFLUENCE_WEIGHTING,
  type InfluenceSignals,
  influenceScore,
} from './influence-score.js';

const signals = (overrides: Partial<InfluenceSignals> = {}): InfluenceSignals => ({
  audienceSize: 0,
  engagementRate: 0,
  reach: 0,
  centrality: 0,
  ...overrides,
});

const anySignals = fc.record({
  audienceSize: fc.double({ min: 0, max: 1e12, noNaN: true }),
  engagementRate: fc.double({ min: 0, max: 5, noNaN: true }),
  reach: fc.double({ min: 0, max: 1e12, noNaN: true }),
  centrality: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe(influenceScore.name, () => {
  it('scores 0 with no signal and 100 with every signal at its ceiling', () => {
    expect(influenceScore(signals()).score).toBe(0);
    expect(
      influenceScore({ audienceSize: 1e7, engagementRate: 0.1, reach: 1e7, centrality: 1 }).score,
    ).toBeCloseTo(100, 9);
  });

  it('log-scales audience: 10^k followers of a 10^7 ceiling give about k/7', () => {
    const { components, score } = influenceScore(signals({ audienceSize: 10_000 }));
    expect(components.audienceSize).toBeCloseTo(4 / 7, 4);
    expect(score).toBeCloseTo(30 * (4 / 7), 2);
  });

  it('weights engagement linearly up to its ceiling', () => {
    expect(influenceScore(signals({ engagementRate: 0.05 })).score).toBeCloseTo(12.5, 9);
    expect(influenceScore(signals({ engagementRate: 0.5 })).components.engagementRate).toBe(1);
  });

  it('rejects bad signals and weights, naming the field', () => {
    expect(() => influenceScore(signals({ reach: -1 }))).toThrow(/reach/);
    expect(() => influenceScore(signals({ centrality: 1.5 }))).toThrow(/centrality/);
    const weighting = {
      ...DEFAULT_INFLUENCE_WEIGHTING,
      weights: { audienceSize: 1, engagementRate: 1, reach: 0, centrality: 0 },
    };
    expect(() => influenceScore(signals(), weighting)).toThrow(/sum to 1/);
  });

  it('stays within [0, 100]', () => {
    fc.assert(
      fc.property(anySignals, (s) => {
        const { score } = influenceScore(s);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never decreases when the audience grows and the rest stays fixed', () => {
    fc.assert(
      fc.property(anySignals, fc.double({ min: 0, max: 1e12, noNaN: true }), (s, growth) => {
        const before = influenceScore(s).score;
        const after = influenceScore({ ...s, audienceSize: s.audienceSize + growth }).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
