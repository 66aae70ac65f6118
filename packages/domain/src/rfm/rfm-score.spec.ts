import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmScores } from './rfm-score.js';

const measures = fc.array(
  fc.record({
    id: fc.string(),
    recencyDays: fc.nat({ max: 400 }),
    frequency: fc.integer({ min: 1, max: 30 }),
    monetary: fc.double({ min: 0, max: 1e4, noNaN: true }),
  }),
  { minLength: 1, maxLength: 40 },
);

describe(rfmScores.name, () => {
  it('scores recent, frequent, big spenders 5 and the opposite 1', () => {
    const sut = rfmScores([
      { id: 'best', recencyDays: 1, frequency: 20, monetary: 900 },
      { id: 'b', recencyDays: 10, frequency: 8, monetary: 300 },
      { id: 'c', recencyDays: 30, frequency: 5, monetary: 200 },
      { id: 'd', recencyDays: 90, frequency: 2, monetary: 50 },
      { id: 'worst', recencyDays: 300, frequency: 1, monetary: 10 },
    ]);
    expect(sut[0]).toEqual({ id: 'best', r: 5, f: 5, m: 5 });
    expect(sut[4]).toEqual({ id: 'worst', r: 1, f: 1, m: 1 });
  });

  it('never scores more days since the last activity higher', () => {
    fc.assert(
      fc.property(measures, (population) => {
        const scores = rfmScores(population);
        population.forEach((a, i) => {
          population.forEach((b, j) => {
            if (a.recencyDays > b.recencyDays) {
              expect(scores[i]?.r).toBeLessThanOrEqual(scores[j]?.r as number);
            }
            if (a.frequency > b.frequency) {
              expect(scores[i]?.f).toBeGreaterThanOrEqual(scores[j]?.f as number);
            }
            if (a.monetary > b.monetary) {
              expect(scores[i]?.m).toBeGreaterThanOrEqual(scores[j]?.m as number);
            }
          });
        });
      }),
    );
  });

  it('gives equal measures equal scores, all within 1..5', () => {
    fc.assert(
      fc.property(measures, (population) => {
        const twin = { ...(population[0] as (typeof population)[number]), id: 'twin' };
        const scores = rfmScores([...population, twin]);
        const first = scores[0];
        const last = scores.at(-1);
        expect({ r: last?.r, f: last?.f, m: last?.m }).toEqual({
          r: first?.r,
          f: first?.f,
          m: first?.m,
        });
        for (const { r, f, m } of scores) {
          for (const s of [r, f, m]) expect(s >= 1 && s <= 5).toBe(true);
        }
      }),
    );
  });
});
