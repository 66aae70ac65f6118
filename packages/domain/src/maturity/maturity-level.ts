/** Named maturity levels, lowest first, with the score (0–100) from which each starts. */
export const MATURITY_LEVELS = [
  { level: 1, name: 'initial', minScore: 0 },
  { level: 2, name: 'developing', minScore: 20 },
  { level: 3, name: 'defined', minScore: 40 },
  { level: 4, name: 'managed', minScore: 60 },
  { level: 5, name: 'optimised', minScore: 80 },
] as const;

/** One maturity level. */
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

/**
 * The maturity level of a 0–100 score: five equal bands, from `initial` (processes missing
 * or ad hoc) to `optimised` (systematic and highly effective everywhere).
 */
export function maturityLevel(score: number): MaturityLevel {
  return MATURITY_LEVELS.findLast((l) => score >= l.minScore) ?? MATURITY_LEVELS[0];
}
