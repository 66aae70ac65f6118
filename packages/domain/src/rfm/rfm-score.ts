import { type QuintileScore, quintileScores } from './quintile-score.js';
import type { RfmMeasures } from './rfm-measures.js';

/** Recency, frequency and monetary scores of one customer or contact, each 1 (worst) to 5 (best). */
export interface RfmScore {
  readonly id: string;
  readonly r: QuintileScore;
  readonly f: QuintileScore;
  readonly m: QuintileScore;
}

/**
 * Scores each member of a population by quintiles of its own measures (see
 * {@link quintileScores}): fewer days since the last activity scores higher, more activities and
 * more value score higher. Works alike for purchase and engagement measures.
 */
export function rfmScores(population: readonly RfmMeasures[]): RfmScore[] {
  const r = quintileScores(
    population.map((p) => p.recencyDays),
    'lowerIsBetter',
  );
  const f = quintileScores(population.map((p) => p.frequency));
  const m = quintileScores(population.map((p) => p.monetary));
  return population.map((p, i) => ({
    id: p.id,
    r: r[i] as QuintileScore,
    f: f[i] as QuintileScore,
    m: m[i] as QuintileScore,
  }));
}
