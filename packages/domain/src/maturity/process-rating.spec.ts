import { describe, expect, it } from 'vitest';
import type { CrmProcess } from './process-catalogue.js';
import { type ProcessRatingInput, validateProcessRatings } from './process-rating.js';

const catalogue: CrmProcess[] = [
  { id: 'lead-capture', stage: 'acquire', name: 'Lead capture' },
  { id: 'case-management', stage: 'serve', name: 'Case management' },
];
const rating = (
  processId: string,
  existence: number,
  effectiveness: number | null,
): ProcessRatingInput => ({
  processId,
  existence,
  effectiveness,
});

describe(validateProcessRatings.name, () => {
  it('accepts a complete, in-range set of ratings', () => {
    const sut = validateProcessRatings(
      [rating('lead-capture', 3, 4), rating('case-management', 0, null)],
      catalogue,
    );
    expect(sut).toEqual({
      ok: true,
      ratings: [rating('lead-capture', 3, 4), rating('case-management', 0, null)],
    });
  });

  it('names the field of every out-of-range or inconsistent value', () => {
    const sut = validateProcessRatings(
      [rating('lead-capture', 4, 2), rating('case-management', 1, 6)],
      catalogue,
    );
    expect(sut.ok ? [] : sut.errors.map((e) => [e.field, e.code])).toEqual([
      ['ratings[0].existence', 'OUT_OF_RANGE'],
      ['ratings[1].effectiveness', 'OUT_OF_RANGE'],
    ]);
  });

  it('requires effectiveness for existing processes and forbids it for absent ones', () => {
    const sut = validateProcessRatings(
      [rating('lead-capture', 2, null), rating('case-management', 0, 3)],
      catalogue,
    );
    expect(sut.ok ? [] : sut.errors.map((e) => [e.field, e.code])).toEqual([
      ['ratings[0].effectiveness', 'REQUIRED'],
      ['ratings[1].effectiveness', 'NOT_ALLOWED'],
    ]);
  });

  it('rejects fractional ratings', () => {
    const sut = validateProcessRatings(
      [rating('lead-capture', 1.5, 2), rating('case-management', 1, 2.5)],
      catalogue,
    );
    expect(sut.ok ? [] : sut.errors.map((e) => e.field)).toEqual([
      'ratings[0].existence',
      'ratings[1].effectiveness',
    ]);
  });

  it('reports unknown, duplicate and missing processes', () => {
    const sut = validateProcessRatings(
      [rating('lead-capture', 1, 1), rating('lead-capture', 1, 1), rating('telepathy', 1, 1)],
      catalogue,
    );
    expect(sut.ok ? [] : sut.errors.map((e) => [e.field, e.code])).toEqual([
      ['ratings[1].processId', 'DUPLICATE'],
      ['ratings[2].processId', 'UNKNOWN_PROCESS'],
      ['ratings', 'MISSING'],
    ]);
  });
});
