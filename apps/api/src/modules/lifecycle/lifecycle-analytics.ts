import {
  type ContactStageHistory,
  conversionRatio,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  lifecycleCohorts,
  lifecycleFunnel,
  medianDaysInStage,
} from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';
import type { Operation } from '../../platform/database/operation-scope.js';
import { groupByTenant } from '../../platform/database/tenant-rows.js';
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

/** Refuses a period whose end is not after its start. */
function checkPeriod(period: LifecyclePeriod): { from: Date | null; to: Date | null } {
  const from = period.from ?? null;
  const to = period.to ?? null;
  if (from && to && from >= to)
    throw badUserInput([{ field: 'to', message: 'must be after from' }]);
  return { from, to };
}

/**
 * The stage histories of the contacts whose first stage entry falls in the period, with their
 * entries up to the period's end (the funnel of a past period does not change with later moves),
 * for each of these tenants in one query (an agency's report reads all its tenants at once).
 */
export async function stageHistoriesByTenant(
  manager: EntityManager,
  tenantIds: readonly string[],
  period: LifecyclePeriod,
): Promise<Map<string, ContactStageHistory[]>> {
  const { from, to } = checkPeriod(period);
  const rows: Array<{
    tenantId: string;
    contactId: string;
    stage: LifecycleStage;
    enteredAt: Date;
  }> = await manager.query(
    `WITH cohort AS (
       SELECT tenant_id, contact_id FROM lifecycle_stage_change WHERE tenant_id = ANY ($1::uuid[])
       GROUP BY tenant_id, contact_id
       HAVING ($2::timestamptz IS NULL OR min(changed_at) >= $2)
          AND ($3::timestamptz IS NULL OR min(changed_at) < $3)
     )
     SELECT h.tenant_id AS "tenantId", h.contact_id AS "contactId", h.to_stage AS stage,
            h.changed_at AS "enteredAt"
     FROM lifecycle_stage_change h JOIN cohort USING (tenant_id, contact_id)
     WHERE h.tenant_id = ANY ($1::uuid[]) AND ($3::timestamptz IS NULL OR h.changed_at < $3)
     ORDER BY h.tenant_id, h.contact_id, h.changed_at`,
    [tenantIds, from, to],
  );
  return new Map(
    [...groupByTenant(tenantIds, rows)].map(([tenantId, own]) => [tenantId, byContact(own)]),
  );
}

/** A tenant's stage entries (ordered by contact, then time) as one history per contact. */
function byContact(
  rows: ReadonlyArray<{ contactId: string; stage: LifecycleStage; enteredAt: Date }>,
): ContactStageHistory[] {
  const histories = new Map<string, { stage: LifecycleStage; enteredAt: Date }[]>();
  for (const { contactId, stage, enteredAt } of rows) {
    const entries = histories.get(contactId) ?? [];
    entries.push({ stage, enteredAt: new Date(enteredAt) });
    histories.set(contactId, entries);
  }
  return [...histories].map(([contactId, entries]) => ({ contactId, entries }));
}

/** The active tenant's stage histories of the period (see `stageHistoriesByTenant`). */
export async function stageHistories(
  op: Operation,
  period: LifecyclePeriod,
): Promise<ContactStageHistory[]> {
  const tenantId = await op.tenantId();
  const histories = await stageHistoriesByTenant(await op.manager(), [tenantId], period);
  return histories.get(tenantId) ?? [];
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
  return leadConversionOf(await stageHistories(op, period));
}

/** Contacts that reached lead and, of them, customer, in the domain's funnel of these histories. */
export function leadConversionOf(
  histories: readonly ContactStageHistory[],
): LeadConversionRatioType {
  const { steps } = lifecycleFunnel(histories);
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
