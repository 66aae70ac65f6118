/** A score from 1 (worst) to 5 (best). */
export type QuintileScore = 1 | 2 | 3 | 4 | 5;

/** Whether a larger raw value deserves a better score (frequency, money) or a worse one (recency in days). */
export type ScoreDirection = 'higherIsBetter' | 'lowerIsBetter';

/**
 * Scores every value 1..5 by its quintile within the population, returned in input order.
 *
 * Each value is placed at its mid-rank percentile `(below + equal / 2) / n`, where `below` counts
 * values ranked worse and `equal` counts ties (itself included), and the score is
 * `ceil(5 × percentile)`. So:
 * - equal values always get equal scores (ties are never split, unlike pandas `qcut` over
 *   `rank(method='first')` that many RFM articles use);
 * - with n distinct values and n divisible by 5, each score holds exactly n / 5 values;
 * - small populations stay centred: one value, or a population of equal values, scores 3;
 *   two distinct values score 2 and 4;
 * - the score is monotone in the value in the direction given.
 *
 * @throws RangeError when a value is not a finite number.
 */
export function quintileScores(
  values: readonly number[],
  direction: ScoreDirection = 'higherIsBetter',
): QuintileScore[] {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot score a non-finite value: ${value}`);
  }
  const sign = direction === 'higherIsBetter' ? 1 : -1;
  const sorted = values.map((value) => sign * value).sort((a, b) => a - b);
  const n = sorted.length;
  const scoreOf = new Map<number, QuintileScore>();
  let start = 0;
  while (start < n) {
    const value = sorted[start] as number;
    let end = start;
    while (end < n && sorted[end] === value) end++;
    // Integer arithmetic: ceil(5 × (2·below + equal) / 2n) with no rounding error.
    const score = Math.ceil((5 * (2 * start + (end - start))) / (2 * n)) as QuintileScore;
    scoreOf.set(value, score);
    start = end;
  }
  return values.map((value) => scoreOf.get(sign * value) as QuintileScore);
}
