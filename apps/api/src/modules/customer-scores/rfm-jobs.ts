import { systemContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { tenantIdPages } from '../../platform/database/tenant-pages.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import type { JobData, JobSender, ModuleJob } from '../../platform/jobs/job-definition.js';
import type { ContactUpkeepStep } from '../customer-upkeep/index.js';
import { CUSTOMER_SCORES_DAILY, CUSTOMER_SCORES_RFM } from './customer-scores-queues.js';
import { scoreTenantRfmAll } from './rfm-scoring.js';

/** Twice a day (the queue's archive interval caps a schedule's period). */
const HALF_DAY_SECONDS = 43_200;

/**
 * Keeps RFM current. Quintiles rank a contact against the whole tenant, so a change to one
 * contact's purchases can move others' scores: the upkeep does not score its batch but queues
 * the tenant's full recomputation (one set-based statement per basis), and a burst of changes
 * makes one job. Recency grows by itself, so every tenant is also scored twice a day.
 */
export class RfmJobs {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly jobs: JobSender,
  ) {}

  /** The upkeep's step: queues the recomputation when the batch holds anyone RFM counts. */
  readonly step: ContactUpkeepStep = {
    name: 'rfm',
    apply: async (op: Operation, contactIds: readonly string[]) => {
      const [row] = await (await op.manager()).query(
        `SELECT EXISTS (
           SELECT 1 FROM contact_metrics WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])
             AND (order_count > 0 OR rfm_r IS NOT NULL OR engagement_rfm_r IS NOT NULL)
         ) OR EXISTS (
           SELECT 1 FROM engagement_event WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])
         ) OR EXISTS (
           SELECT 1 FROM timeline_event WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[]) AND kind = 'MENTION'
         ) AS counts`,
        [await op.tenantId(), contactIds],
      );
      const tenantId = await op.tenantId();
      if (row.counts) await op.afterCommit(() => this.queue(tenantId));
    },
  };

  jobDefinitions(): ModuleJob[] {
    return [
      {
        definition: { name: CUSTOMER_SCORES_RFM, retryLimit: 3, retryDelaySeconds: 5 },
        handler: (data) => this.score(data),
      },
      {
        definition: { name: CUSTOMER_SCORES_DAILY, everySeconds: HALF_DAY_SECONDS, retryLimit: 0 },
        handler: () => this.scoreEveryTenant(),
      },
    ];
  }

  private queue(tenantId: string): Promise<void> {
    return this.jobs
      .send(CUSTOMER_SCORES_RFM, { tenantId }, { singletonKey: tenantId })
      .catch((error) => logFailure('queueing RFM scoring failed', error, { tenantId }));
  }

  private async score({ tenantId }: JobData): Promise<void> {
    if (!tenantId) throw new Error('RFM scoring without a tenant');
    await this.scopes.run(systemContext(tenantId), (op) => scoreTenantRfmAll(op));
  }

  private async scoreEveryTenant(): Promise<void> {
    for await (const page of tenantIdPages(this.scopes))
      for (const tenantId of page) await this.queue(tenantId);
  }
}
