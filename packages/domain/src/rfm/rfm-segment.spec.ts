import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuintileScore } from './quintile-score.js';
import { fmScore, RFM_SEGMENT_IDS, RFM_SEGMENTS, rfmSegment } from './rfm-segment.js';

const score = fc.constantFrom<QuintileScore>(1, 2, 3, 4, 5);

describe(rfmSegment.name, () => {
  // Cells of the widely reproduced R × F regular-expression map, read with F = M so FM = F.
  it.each([
    [5, 5, 'champions'],
    [5, 4, 'champions'],
    [4, 5, 'loyal_customers'],
    [3, 4, 'loyal_customers'],
    [5, 3, 'potential_loyalists'],
    [4, 2, 'potential_loyalists'],
    [5, 1, 'new_customers'],
    [4, 1, 'promising'],
    [3, 3, 'need_attention'],
    [3, 1, 'about_to_sleep'],
    [3, 2, 'about_to_sleep'],
    [2, 4, 'at_risk'],
    [1, 3, 'at_risk'],
    [1, 5, 'cant_lose_them'],
    [2, 5, 'cant_lose_them'],
    [2, 2, 'hibernating'],
    [2, 1, 'hibernating'],
    [1, 2, 'hibernating'],
    [1, 1, 'lost'],
  ] as const)('puts R %i and FM %i into %s', (r, fm, expected) => {
    expect(rfmSegment({ r, f: fm, m: fm })).toBe(expected);
  });

  it('uses every named segment and gives each a description and an action', () => {
    const used = new Set<string>();
    for (const r of [1, 2, 3, 4, 5] as const) {
      for (const f of [1, 2, 3, 4, 5] as const) used.add(rfmSegment({ r, f, m: f }));
    }
    expect([...used].sort()).toEqual([...RFM_SEGMENT_IDS].sort());
    for (const id of RFM_SEGMENT_IDS) {
      expect(RFM_SEGMENTS[id].description.length).toBeGreaterThan(0);
      expect(RFM_SEGMENTS[id].action.length).toBeGreaterThan(0);
    }
  });

  it('rejects scores outside 1..5', () => {
    expect(() => rfmSegment({ r: 0 as QuintileScore, f: 1, m: 1 })).toThrow(RangeError);
  });

  it('assigns a segment to every score combination', () => {
    fc.assert(
      fc.property(score, score, score, (r, f, m) => {
        expect(RFM_SEGMENT_IDS).toContain(rfmSegment({ r, f, m }));
      }),
    );
  });
});

describe(fmScore.name, () => {
  it('averages F and M with halves rounded up', () => {
    expect(fmScore(3, 4)).toBe(4);
    expect(fmScore(1, 5)).toBe(3);
    expect(fmScore(2, 2)).toBe(2);
  });
});
