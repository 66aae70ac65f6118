import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BrandVoice, shareOfVoice } from './share-of-voice.js';

const brand = (name: string, own: boolean, mentions: number, reach: number): BrandVoice => ({
  brand: name,
  own,
  mentions,
  reach,
});

describe(shareOfVoice.name, () => {
  it('splits mentions and reach across own brands and competitors', () => {
    const sut = shareOfVoice([
      brand('ours', true, 30, 1000),
      brand('ours-lite', true, 10, 1000),
      brand('rival', false, 60, 8000),
    ]);
    expect(sut.brands.map((b) => b.byMentions)).toEqual([0.3, 0.1, 0.6]);
    expect(sut.brands.map((b) => b.byReach)).toEqual([0.1, 0.1, 0.8]);
    expect(sut.own.byMentions).toBeCloseTo(0.4);
    expect(sut.own.byReach).toBeCloseTo(0.2);
  });

  it('returns null shares when nobody was mentioned', () => {
    const sut = shareOfVoice([brand('ours', true, 0, 0), brand('rival', false, 0, 0)]);
    expect(sut.brands.every((b) => b.byMentions === null && b.byReach === null)).toBe(true);
    expect(sut.own).toEqual({ byMentions: null, byReach: null });
  });

  it('rejects a negative count, naming the field', () => {
    expect(() => shareOfVoice([brand('ours', true, -1, 0)])).toThrow(/brands\[0\]\.mentions/);
  });

  it('sums to 1 over brands whenever any mention exists', () => {
    const brands = fc.array(
      fc.record({
        brand: fc.string(),
        own: fc.boolean(),
        mentions: fc.nat(10_000),
        reach: fc.nat(1_000_000),
      }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(
        brands.filter((bs) => bs.some((b) => b.mentions > 0)),
        (bs) => {
          const total = shareOfVoice(bs).brands.reduce((s, b) => s + (b.byMentions ?? 0), 0);
          expect(total).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});
