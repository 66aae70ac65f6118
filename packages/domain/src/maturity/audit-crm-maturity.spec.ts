import { describe, expect, it } from 'vitest';
import { auditCrmMaturity } from './audit-crm-maturity.js';
import { type CrmProcess, DEFAULT_PROCESS_CATALOGUE } from './process-catalogue.js';
import type { ProcessRatingInput } from './process-rating.js';

const rateAll = (existence: number, effectiveness: number | null): ProcessRatingInput[] =>
  DEFAULT_PROCESS_CATALOGUE.map((p) => ({ processId: p.id, existence, effectiveness }));

describe(auditCrmMaturity.name, () => {
  it('rates a fully systematic, highly effective CRM as optimised', () => {
    const sut = auditCrmMaturity(rateAll(3, 5));
    expect(sut.ok && sut.audit.overall).toEqual({
      score: 100,
      level: { level: 5, name: 'optimised', minScore: 80 },
    });
  });

  it('rates a CRM without any process as initial with score 0', () => {
    const sut = auditCrmMaturity(rateAll(0, null));
    expect(sut.ok && sut.audit.overall.score).toBe(0);
    expect(sut.ok && sut.audit.overall.level.name).toBe('initial');
  });

  it('scores processes, stages and overall, and names the weakest processes', () => {
    const catalogue: CrmProcess[] = [
      { id: 'capture', stage: 'acquire', name: 'Lead capture' },
      { id: 'listening', stage: 'acquire', name: 'Social listening' },
      { id: 'checkout', stage: 'transact', name: 'Checkout' },
      { id: 'care', stage: 'serve', name: 'Social care' },
    ];
    const sut = auditCrmMaturity(
      [
        { processId: 'capture', existence: 3, effectiveness: 5 },
        { processId: 'listening', existence: 1, effectiveness: 3 },
        { processId: 'checkout', existence: 2, effectiveness: 3 },
        { processId: 'care', existence: 0, effectiveness: null },
      ],
      catalogue,
      2,
    );
    if (!sut.ok) throw new Error('expected a valid audit');
    expect(sut.audit.processes.map((p) => p.score)).toEqual([100, 20, 40, 0]);
    expect(sut.audit.stages.map((s) => [s.stage, s.score, s.level?.name ?? null])).toEqual([
      ['acquire', 60, 'managed'],
      ['transact', 40, 'defined'],
      ['fulfil', null, null],
      ['serve', 0, 'initial'],
      ['retain', null, null],
    ]);
    expect(sut.audit.overall.score).toBeCloseTo(100 / 3);
    expect(sut.audit.overall.level.name).toBe('developing');
    expect(sut.audit.weakest.map((p) => p.process.id)).toEqual(['care', 'listening']);
  });

  it('returns field-named errors instead of an audit for invalid ratings', () => {
    const ratings = rateAll(3, 5);
    ratings[0] = { processId: 'lead-capture', existence: 3, effectiveness: 9 };
    const sut = auditCrmMaturity(ratings);
    expect(sut.ok).toBe(false);
    expect(sut.ok ? [] : sut.errors.map((e) => e.field)).toEqual(['ratings[0].effectiveness']);
  });
});
