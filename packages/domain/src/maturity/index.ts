// Public surface of the CRM maturity audit.
export {
  auditCrmMaturity,
  type CrmMaturityAudit,
  type CrmMaturityResult,
  type ProcessMaturity,
  type StageMaturity,
} from './audit-crm-maturity.js';
export { MATURITY_LEVELS, type MaturityLevel, maturityLevel } from './maturity-level.js';
export { type CrmProcess, DEFAULT_PROCESS_CATALOGUE } from './process-catalogue.js';
export {
  type EffectivenessRating,
  type ExistenceRating,
  MAX_EFFECTIVENESS,
  MAX_EXISTENCE,
  type ProcessRating,
  type ProcessRatingInput,
  type RatingError,
  type RatingValidation,
  validateProcessRatings,
} from './process-rating.js';
