import { LIFECYCLE_STAGES, type LifecycleStage } from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';
import { groupByTenant } from '../../platform/database/tenant-rows.js';

/** A tenant's contacts and how many are in each stage now. */
export interface StageCounts {
  readonly contacts: number;
  readonly byStage: Readonly<Record<LifecycleStage, number>>;
}

/**
 * The contacts of each of these tenants and how many are in each stage now
 * (`contact.lifecycle_stage`), every stage of the domain, in one query.
 */
export async function currentStageCounts(
  manager: EntityManager,
  tenantIds: readonly string[],
): Promise<Map<string, StageCounts>> {
  const rows: Array<{ tenantId: string; stage: string; contacts: number }> = await manager.query(
    `SELECT tenant_id AS "tenantId", lifecycle_stage AS stage, count(*)::int AS contacts
     FROM contact WHERE tenant_id = ANY ($1::uuid[]) GROUP BY 1, 2`,
    [tenantIds],
  );
  return new Map(
    [...groupByTenant(tenantIds, rows)].map(([tenantId, own]) => {
      const inStage = (stage: string) => own.find((row) => row.stage === stage)?.contacts ?? 0;
      const byStage = Object.fromEntries(
        LIFECYCLE_STAGES.map((stage) => [stage, inStage(stage)]),
      ) as Record<LifecycleStage, number>;
      return [tenantId, { contacts: own.reduce((sum, row) => sum + row.contacts, 0), byStage }];
    }),
  );
}
