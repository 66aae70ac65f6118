import type { CrmProcess } from './process-catalogue.js';

/**
 * How far a process exists:
 * 0 absent; 1 ad hoc (done, but by habit of individuals); 2 defined (documented, with an
 * owner); 3 systematic (supported by tools and measured).
 */
export type ExistenceRating = 0 | 1 | 2 | 3;

/** How well an existing process achieves its goal: 1 very poorly … 5 very well. */
export type EffectivenessRating = 1 | 2 | 3 | 4 | 5;

/** Highest existence rating. */
export const MAX_EXISTENCE = 3;
/** Highest effectiveness rating. */
export const MAX_EFFECTIVENESS = 5;

/** The auditor's rating of one process, as entered (not yet validated). */
export interface ProcessRatingInput {
  readonly processId: string;
  readonly existence: number;
  /** Required when the process exists; must be `null` when existence is 0. */
  readonly effectiveness: number | null;
}

/** A validated rating. */
export type ProcessRating =
  | { readonly processId: string; readonly existence: 0; readonly effectiveness: null }
  | {
      readonly processId: string;
      readonly existence: Exclude<ExistenceRating, 0>;
      readonly effectiveness: EffectivenessRating;
    };

/** A problem with one field of the ratings, named by its path (e.g. `ratings[2].existence`). */
export interface RatingError {
  readonly field: string;
  readonly code:
    | 'OUT_OF_RANGE'
    | 'REQUIRED'
    | 'NOT_ALLOWED'
    | 'UNKNOWN_PROCESS'
    | 'DUPLICATE'
    | 'MISSING';
  readonly message: string;
}

/** Validated ratings, or every problem found. */
export type RatingValidation =
  | { readonly ok: true; readonly ratings: readonly ProcessRating[] }
  | { readonly ok: false; readonly errors: readonly RatingError[] };

const isIntegerIn = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks audit ratings against a catalogue: every catalogue process rated exactly once,
 * no unknown process, existence an integer 0–3, effectiveness an integer 1–5 for existing
 * processes and `null` for absent ones. Reports all errors at once, each with its field.
 */
export function validateProcessRatings(
  ratings: readonly ProcessRatingInput[],
  catalogue: readonly CrmProcess[],
): RatingValidation {
  const errors: RatingError[] = [];
  const known = new Set(catalogue.map((p) => p.id));
  const seen = new Set<string>();
  ratings.forEach((rating, i) => {
    const at = `ratings[${i}]`;
    if (!known.has(rating.processId)) {
      errors.push({
        field: `${at}.processId`,
        code: 'UNKNOWN_PROCESS',
        message: `"${rating.processId}" is not in the process catalogue`,
      });
    } else if (seen.has(rating.processId)) {
      errors.push({
        field: `${at}.processId`,
        code: 'DUPLICATE',
        message: `"${rating.processId}" is rated more than once`,
      });
    }
    seen.add(rating.processId);
    if (!isIntegerIn(rating.existence, 0, MAX_EXISTENCE)) {
      errors.push({
        field: `${at}.existence`,
        code: 'OUT_OF_RANGE',
        message: `existence must be an integer from 0 to ${MAX_EXISTENCE}`,
      });
    } else if (rating.existence === 0 && rating.effectiveness !== null) {
      errors.push({
        field: `${at}.effectiveness`,
        code: 'NOT_ALLOWED',
        message: 'effectiveness must be null for a process that does not exist',
      });
    } else if (rating.existence > 0 && rating.effectiveness === null) {
      errors.push({
        field: `${at}.effectiveness`,
        code: 'REQUIRED',
        message: 'effectiveness is required for a process that exists',
      });
    }
    if (rating.effectiveness !== null && !isIntegerIn(rating.effectiveness, 1, MAX_EFFECTIVENESS)) {
      errors.push({
        field: `${at}.effectiveness`,
        code: 'OUT_OF_RANGE',
        message: `effectiveness must be an integer from 1 to ${MAX_EFFECTIVENESS}`,
      });
    }
  });
  for (const process of catalogue) {
    if (!seen.has(process.id)) {
      errors.push({
        field: 'ratings',
        code: 'MISSING',
        message: `process "${process.id}" (${process.name}) is not rated`,
      });
    }
  }
  // The checks above guarantee each input matches one branch of ProcessRating.
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, ratings: ratings as ProcessRating[] };
}
