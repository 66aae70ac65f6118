import { describe, expect, it } from 'vitest';
import { netSentiment } from './net-sentiment.js';

describe(netSentiment.name, () => {
  it('uses positive and negative mentions only on the polar basis', () => {
    expect(netSentiment({ positive: 30, negative: 10, neutral: 60 })).toBe(0.5);
  });

  it('counts neutral mentions in the denominator on the all basis', () => {
    expect(netSentiment({ positive: 30, negative: 10, neutral: 60 }, 'all')).toBe(0.2);
  });

  it('returns null when there is nothing to divide by', () => {
    expect(netSentiment({ positive: 0, negative: 0, neutral: 5 })).toBeNull();
    expect(netSentiment({ positive: 0, negative: 0, neutral: 0 }, 'all')).toBeNull();
  });

  it('spans -1 for all-negative to 1 for all-positive', () => {
    expect(netSentiment({ positive: 0, negative: 4, neutral: 0 })).toBe(-1);
    expect(netSentiment({ positive: 4, negative: 0, neutral: 0 })).toBe(1);
  });

  it('rejects negative counts, naming the field', () => {
    expect(() => netSentiment({ positive: 1, negative: -2, neutral: 0 })).toThrow(/negative/);
  });
});
