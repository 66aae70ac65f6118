import { describe, expect, it } from 'vitest';
import { buildInteractionGraph } from './interaction-graph.js';

describe(buildInteractionGraph.name, () => {
  it('points mentions and replies at the target, referrals at the referrer', () => {
    const sut = buildInteractionGraph([
      { kind: 'mention', from: 'ana', to: 'ben' },
      { kind: 'referral', from: 'ben', to: 'cy' },
    ]);
    expect(sut.hasEdge('ana', 'ben')).toBe(true);
    expect(sut.hasEdge('cy', 'ben')).toBe(true);
    expect(sut.getEdgeAttribute('cy', 'ben', 'weight')).toBe(5);
  });

  it('adds up repeated interactions on one edge and drops self-interactions', () => {
    const sut = buildInteractionGraph([
      { kind: 'mention', from: 'ana', to: 'ben' },
      { kind: 'reply', from: 'ana', to: 'ben' },
      { kind: 'mention', from: 'ana', to: 'ana' },
    ]);
    expect(sut.size).toBe(1);
    expect(sut.getEdgeAttribute('ana', 'ben', 'weight')).toBe(3);
  });

  it('keeps contacts without interactions as isolated nodes', () => {
    const sut = buildInteractionGraph([], ['lonely']);
    expect(sut.order).toBe(1);
  });

  it('uses custom weights', () => {
    const sut = buildInteractionGraph([{ kind: 'reply', from: 'a', to: 'b' }], [], {
      mention: 1,
      reply: 7,
      referral: 1,
    });
    expect(sut.getEdgeAttribute('a', 'b', 'weight')).toBe(7);
  });
});
