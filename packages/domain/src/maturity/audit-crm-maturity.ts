import { OPERATIONAL_STAGES, type OperationalStage } from '../lifecycle/operational-lifecycle.js';
import { type MaturityLevel, maturityLevel } from './maturity-level.js';
import { type CrmProcess, DEFAULT_PROCESS_CATALOGUE } from './process-catalogue.js';
import {
  MAX_EFFECTIVENESS,
  MAX_EXISTENCE,
  type ProcessRating,
  type ProcessRatingInput,
  type RatingError,
  validateProcessRatings,
} from './process-rating.js';

/** One audited process with its 0–100 score. */
export interface ProcessMaturity {
  readonly process: CrmProcess;
  readonly rating: ProcessRating;
  readonly score: number;
}

/** Maturity of one operational stage; `null` score and level when it has no processes. */
export interface StageMaturity {
  readonly stage: OperationalStage;
  readonly score: number | null;
  readonly level: MaturityLevel | null;
}

/** The completed audit matrix. */
export interface CrmMaturityAudit {
  readonly processes: readonly ProcessMaturity[];
  readonly stages: readonly StageMaturity[];
  readonly overall: { readonly score: number; readonly level: MaturityLevel };
  /** The lowest-scoring processes, weakest first (ties in catalogue order). */
  readonly weakest: readonly ProcessMaturity[];
}

/** An audit, or the rating errors that prevented it. */
export type CrmMaturityResult =
  | { readonly ok: true; readonly audit: CrmMaturityAudit }
  | { readonly ok: false; readonly errors: readonly RatingError[] };

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * CRM maturity audit along the operational lifecycle. Each process scores
 * 100 × (existence / 3) × (effectiveness / 5), so a process must both exist systematically
 * and work well to score high; an absent process scores 0. A stage scores the mean of its
 * processes, and the overall score is the mean of the stages (each stage weighs the same
 * however many processes it lists). Scores map to named levels by {@link maturityLevel}.
 */
export function auditCrmMaturity(
  ratings: readonly ProcessRatingInput[],
  catalogue: readonly CrmProcess[] = DEFAULT_PROCESS_CATALOGUE,
  weakestCount = 3,
): CrmMaturityResult {
  const validation = validateProcessRatings(ratings, catalogue);
  if (!validation.ok) return validation;
  const ratingById = new Map(validation.ratings.map((r) => [r.processId, r]));
  const processes = catalogue.map((process) => {
    const rating = ratingById.get(process.id) as ProcessRating;
    const effectiveness = rating.effectiveness ?? 0;
    const score = (100 * rating.existence * effectiveness) / (MAX_EXISTENCE * MAX_EFFECTIVENESS);
    return { process, rating, score };
  });
  const stages = OPERATIONAL_STAGES.map((stage) => {
    const scores = processes.filter((p) => p.process.stage === stage).map((p) => p.score);
    const score = scores.length > 0 ? mean(scores) : null;
    return { stage, score, level: score === null ? null : maturityLevel(score) };
  });
  const stageScores = stages.flatMap((s) => (s.score === null ? [] : [s.score]));
  const overallScore = stageScores.length > 0 ? mean(stageScores) : 0;
  // Array.prototype.sort is stable, so ties keep catalogue order.
  const weakest = [...processes].sort((a, b) => a.score - b.score).slice(0, weakestCount);
  return {
    ok: true,
    audit: {
      processes,
      stages,
      overall: { score: overallScore, level: maturityLevel(overallScore) },
      weakest,
    },
  };
}
