import {
  type ContactStageHistory,
  conversionRatio,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  lifecycleCohorts,
  lifecycleFunnel,
  medianDaysInStage,
} from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import type {
  LeadConversionRatioType,
  LifecycleCohortType,
  LifecycleFunnelType,
  LifecycleStageTimeType,
} from './lifecycle.type.js';

/** A period of entry into the lifecycle; either end may be open. */
export interface LifecyclePeriod {
  readonly from?: Date | null;
  readonly to?: Date | null;
}

/**
 * The stage histories of the contacts whose first stage entry falls in the period, with their
 * entries up to the period's end (the funnel of a past period does not change with later moves).
 */
export async function stageHistories(
  op: Operation,
  period: LifecyclePeriod,
): Promise<ContactStageHistory[]> {
  const from = period.from ?? null;
  const to = period.to ?? null;
  if (from && to && from >= to)
    throw badUserInput([{ field: 'to', message: 'must be after from' }]);
  const rows: Array<{ contactId: string; stage: LifecycleStage; enteredAt: Date }> = await (
    await op.manager()
  ).query(
    `WITH cohort AS (
       SELECT contact_id FROM lifecycle_stage_change WHERE tenant_id = $1
       GROUP BY contact_id
       HAVING ($2::timestamptz IS NULL OR min(changed_at) >= $2)
          AND ($3::timestamptz IS NULL OR min(changed_at) < $3)
     )
     SELECT h.contact_id AS "contactId", h.to_stage AS stage, h.changed_at AS "enteredAt"
     FROM lifecycle_stage_change h JOIN cohort USING (contact_id)
     WHERE h.tenant_id = $1 AND ($3::timestamptz IS NULL OR h.changed_at < $3)
     ORDER BY h.contact_id, h.changed_at`,
    [await op.tenantId(), from, to],
  );
  const byContact = new Map<string, { stage: LifecycleStage; enteredAt: Date }[]>();
  for (const { contactId, stage, enteredAt } of rows) {
    const entries = byContact.get(contactId) ?? [];
    entries.push({ stage, enteredAt: new Date(enteredAt) });
    byContact.set(contactId, entries);
  }
  return [...byContact].map(([contactId, entries]) => ({ contactId, entries }));
}

/** The funnel with step conversion rates (the domain's `lifecycleFunnel`). */
export async function funnel(op: Operation, period: LifecyclePeriod): Promise<LifecycleFunnelType> {
  return toFunnelType(lifecycleFunnel(await stageHistories(op, period)));
}

function toFunnelType(report: ReturnType<typeof lifecycleFunnel>): LifecycleFunnelType {
  return { ...report, steps: report.steps.map((step) => ({ ...step })) };
}

/** Leads that became customers, by the measurement's `conversionRatio`. */
export async function leadConversion(
  op: Operation,
  period: LifecyclePeriod,
): Promise<LeadConversionRatioType> {
  const { steps } = lifecycleFunnel(await stageHistories(op, period));
  const reached = (stage: string) => steps.find((step) => step.stage === stage)?.reached ?? 0;
  const [leads, customers] = [reached('lead'), reached('customer')];
  return { leads, customers, ratio: conversionRatio(customers, leads) };
}

/** Median days in each stage over finished stays (the domain's `medianDaysInStage`). */
export async function medianTimes(
  op: Operation,
  period: LifecyclePeriod,
): Promise<LifecycleStageTimeType[]> {
  const medians = medianDaysInStage(await stageHistories(op, period));
  return LIFECYCLE_STAGES.map((stage) => ({ stage, medianDays: medians[stage] }));
}

/** Monthly cohorts of entry, each with its funnel (the domain's `lifecycleCohorts`). */
export async function cohorts(
  op: Operation,
  period: LifecyclePeriod,
): Promise<LifecycleCohortType[]> {
  return lifecycleCohorts(await stageHistories(op, period)).map((cohort) => ({
    cohort: cohort.cohort,
    funnel: toFunnelType(cohort.funnel),
  }));
}
