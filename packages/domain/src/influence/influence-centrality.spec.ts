import { describe, expect, it } from 'vitest';
import { influenceCentrality } from './influence-centrality.js';
import { buildInteractionGraph } from './interaction-graph.js';

describe(influenceCentrality.name, () => {
  it('puts the hub everybody mentions at 1 and the silent mentioners at 0', () => {
    const graph = buildInteractionGraph(
      ['a', 'b', 'c', 'd'].map((from) => ({ kind: 'mention' as const, from, to: 'hub' })),
    );
    const sut = influenceCentrality(graph);
    expect(sut.get('hub')).toBe(1);
    expect(sut.get('a')).toBe(0);
  });

  it('ranks by weighted PageRank: a referral outweighs a mention', () => {
    const graph = buildInteractionGraph([
      { kind: 'mention', from: 'x', to: 'mentioned' },
      { kind: 'referral', from: 'referrer', to: 'x' },
      { kind: 'mention', from: 'y', to: 'x' },
    ]);
    const sut = influenceCentrality(graph);
    expect(sut.get('referrer') ?? 0).toBeGreaterThan(sut.get('mentioned') ?? 0);
  });

  it('gives everybody 0 when nobody stands out', () => {
    const cycle = buildInteractionGraph([
      { kind: 'mention', from: 'a', to: 'b' },
      { kind: 'mention', from: 'b', to: 'c' },
      { kind: 'mention', from: 'c', to: 'a' },
    ]);
    expect([...influenceCentrality(cycle).values()]).toEqual([0, 0, 0]);
  });

  it('returns an empty map for an empty graph', () => {
    expect(influenceCentrality(buildInteractionGraph([])).size).toBe(0);
  });
});
