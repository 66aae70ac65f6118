import {
  auditCrmMaturity,
  type CrmMaturityAudit,
  maturityLevel,
  type ProcessMaturity,
  type ProcessRatingInput,
} from '@socialcrm/domain';
import { badUserInput } from '../../platform/errors/app-error.js';
import type { CrmMaturityAuditType, ProcessMaturityType } from './maturity.type.js';

const processView = (p: ProcessMaturity): ProcessMaturityType => ({
  process: { ...p.process },
  existence: p.rating.existence,
  effectiveness: p.rating.effectiveness,
  score: p.score,
  level: { ...maturityLevel(p.score) },
});

/** The domain's audit shaped for GraphQL: the matrix groups processes under their stage. */
export function auditView(audit: CrmMaturityAudit): CrmMaturityAuditType {
  return {
    stages: audit.stages.map((s) => ({
      stage: s.stage,
      score: s.score,
      level: s.level && { ...s.level },
      processes: audit.processes.filter((p) => p.process.stage === s.stage).map(processView),
    })),
    overallScore: audit.overall.score,
    overallLevel: { ...audit.overall.level },
    weakest: audit.weakest.map(processView),
  };
}

/** Audits ratings with the domain; its rating errors become a bad input naming `input.ratings…`. */
export function auditOrRefuse(ratings: readonly ProcessRatingInput[]): CrmMaturityAudit {
  const result = auditCrmMaturity(ratings);
  if (result.ok) return result.audit;
  throw badUserInput(
    result.errors.map((e) => ({ field: `input.${e.field}`, message: e.message, reason: e.code })),
  );
}
