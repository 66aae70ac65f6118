import { describe, expect, it } from 'vitest';
import { ClvInputError } from './clv-input-error.js';
import type { FrequencySummary } from './customer-summary.js';
import { groupFrequencySummaries } from './frequency-summary-groups.js';

describe(groupFrequencySummaries.name, () => {
  it('collapses identical (x, t_x, T) triples into weighted groups', () => {
    const sut = groupFrequencySummaries([
      { x: 0, tx: 0, T: 10 },
      { x: 2, tx: 4, T: 10 },
      { x: 0, tx: 0, T: 10 },
      { x: 2, tx: 4, T: 10 },
      { x: 2, tx: 10, T: 4 + 6 },
    ]);
    expect(sut.customers).toBe(5);
    expect([...sut.count]).toEqual([2, 2, 1]);
    const triples = [...sut.count.keys()].map((g) => [
      sut.distinctX[sut.xIndex[g] as number],
      sut.distinctTimes[sut.txIndex[g] as number],
      sut.distinctTimes[sut.ageIndex[g] as number],
    ]);
    expect(triples).toEqual([
      [0, 0, 10],
      [2, 4, 10],
      [2, 10, 10],
    ]);
  });

  it.each<[string, FrequencySummary]>([
    ['customers[1].x', { x: 1.5, tx: 1, T: 2 }],
    ['customers[1].x', { x: -1, tx: 1, T: 2 }],
    ['customers[1].tx', { x: 1, tx: Number.NaN, T: 2 }],
    ['customers[1].T', { x: 1, tx: 1, T: Number.POSITIVE_INFINITY }],
    ['customers[1].tx', { x: 1, tx: 3, T: 2 }],
    ['customers[1].tx', { x: 0, tx: 1, T: 2 }],
  ])('rejects an invalid %s with an error naming it', (field, invalid) => {
    const call = () => groupFrequencySummaries([{ x: 0, tx: 0, T: 1 }, invalid]);
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(field);
  });
});
