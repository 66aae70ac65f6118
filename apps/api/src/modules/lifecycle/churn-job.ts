import { type LifecycleOrigin, transitionLifecycle } from '@socialcrm/domain';
import { systemContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { tenantIdPages } from '../../platform/database/tenant-pages.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import type { JobData, JobSender, ModuleJob } from '../../platform/jobs/job-definition.js';
import { LAST_ACTIVITY_SQL } from './contact-activity.js';
import { LifecycleCause } from './lifecycle.type.js';
import { tenantLifecyclePolicy } from './lifecycle-policy.js';
import { LIFECYCLE_CHURN, LIFECYCLE_CHURN_TENANT } from './lifecycle-queues.js';
import { type StageMove, writeStageMoves } from './lifecycle-writes.js';

/** Twice a day: the queue's archive interval caps a schedule's period, and twice is harmless. */
const HALF_DAY_SECONDS = 43_200;

/**
 * Churn by the calendar: a customer or advocate without activity for the tenant's
 * `churnAfterDays` becomes churned through the domain's `inactive` event. Time passes without
 * any data changing, so this is a scheduled job (each tenant its own job), not an upkeep step;
 * changing the threshold checks the tenant at once.
 */
export class LifecycleChurn {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly jobs: JobSender,
  ) {}

  jobDefinitions(): ModuleJob[] {
    return [
      {
        definition: { name: LIFECYCLE_CHURN, everySeconds: HALF_DAY_SECONDS, retryLimit: 0 },
        handler: () => this.queueEveryTenant(),
      },
      {
        definition: { name: LIFECYCLE_CHURN_TENANT, retryLimit: 3, retryDelaySeconds: 5 },
        handler: (data) => this.checkTenant(data),
      },
    ];
  }

  /** Queues one tenant's check (a burst makes one job). */
  queue(tenantId: string): Promise<void> {
    return this.jobs
      .send(LIFECYCLE_CHURN_TENANT, { tenantId }, { singletonKey: tenantId })
      .catch((error) => logFailure('queueing the churn check failed', error, { tenantId }));
  }

  private async queueEveryTenant(): Promise<void> {
    for await (const page of tenantIdPages(this.scopes))
      for (const tenantId of page) await this.queue(tenantId);
  }

  private async checkTenant({ tenantId }: JobData): Promise<void> {
    if (!tenantId) throw new Error('churn check without a tenant');
    await this.scopes.run(systemContext(tenantId), (op) => churnInactive(op));
  }
}

/** Moves the tenant's inactive customers and advocates to churned; returns how many moved. */
export async function churnInactive(op: Operation): Promise<number> {
  const policy = await tenantLifecyclePolicy(op);
  const inactive: Array<{ contactId: string; stage: LifecycleOrigin; days: number }> = await (
    await op.manager()
  ).query(
    `SELECT id AS "contactId", stage, floor(extract(epoch FROM now() - last_activity) / 86400)::int AS days
     FROM (SELECT c.id, c.lifecycle_stage AS stage, ${LAST_ACTIVITY_SQL} AS last_activity
           FROM contact c
           WHERE c.tenant_id = $1 AND c.lifecycle_stage IN ('customer', 'advocate') AND c.erased_at IS NULL) c
     WHERE last_activity <= now() - make_interval(days => $2)`,
    [await op.tenantId(), policy.churnAfterDays],
  );
  const moves = inactive.flatMap(({ contactId, stage, days }): StageMove[] => {
    const result = transitionLifecycle(stage, { type: 'inactive', days }, policy);
    return result.ok && result.changed
      ? [{ contactId, from: stage, to: result.stage, event: 'inactive', reason: result.reason }]
      : [];
  });
  return (await writeStageMoves(op, LifecycleCause.EVENT, moves)).length;
}
