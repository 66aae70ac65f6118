import { systemContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { tenantIdPages } from '../../platform/database/tenant-pages.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import type { JobData, JobSender, ModuleJob } from '../../platform/jobs/job-definition.js';
import type { ContactUpkeepStep, TenantRescored } from '../customer-upkeep/index.js';
import { CUSTOMER_SCORES_DAILY, CUSTOMER_SCORES_RFM } from './customer-scores-queues.js';
import { RFM_COLUMNS, RfmBasis, rfmMeasures } from './rfm-basis.js';
import { scoreTenantRfmAll } from './rfm-scoring.js';

/** Twice a day (the queue's archive interval caps a schedule's period). */
const HALF_DAY_SECONDS = 43_200;

/** A request older than this is answered even while the upkeep still has changes waiting. */
const LONGEST_WAIT = '5 minutes';

/**
 * Keeps RFM current. Quintiles rank a contact against the whole tenant, so a change to one
 * contact's purchases can move others' scores: the upkeep does not score its batch but asks
 * for the tenant's full recomputation (one set-based statement per basis). Requests coalesce on
 * `rfm_scoring.requested_at`: a job answers every request made before it took them, and waits
 * while the upkeep still has changes of the tenant to handle (their batches ask again), so a
 * million changed contacts make one recomputation, not one per batch. Recency grows by itself,
 * so every tenant is also scored twice a day.
 */
export class RfmJobs {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly jobs: JobSender,
    private readonly rescored: TenantRescored,
  ) {}

  /**
   * The upkeep's step: asks for a recomputation when the activity of a contact of the batch is
   * not what its scores were computed from (an order, an email open or a mention came, went or
   * changed), or a contact was deleted (it may have left the population).
   */
  readonly step: ContactUpkeepStep = {
    name: 'rfm',
    apply: async (op: Operation, contactIds: readonly string[]) => {
      const tenantId = await op.tenantId();
      const batch = 'WHERE contact_id = ANY ($3::uuid[])';
      const [row] = await (await op.manager()).query(
        `WITH changed AS (
           SELECT EXISTS (
             SELECT 1 FROM unnest($3::uuid[]) AS batch (id)
             LEFT JOIN contact c ON c.tenant_id = $1 AND c.id = batch.id
             LEFT JOIN contact_metrics cm ON cm.tenant_id = $1 AND cm.contact_id = batch.id
             LEFT JOIN (${rfmMeasures(RfmBasis.PURCHASES, batch)}) p ON p.contact_id = batch.id
             LEFT JOIN (${rfmMeasures(RfmBasis.ENGAGEMENT, batch)}) e ON e.contact_id = batch.id
             WHERE c.id IS NULL
                OR cm.${RFM_COLUMNS[RfmBasis.PURCHASES].inputs} IS DISTINCT FROM p.inputs
                OR cm.${RFM_COLUMNS[RfmBasis.ENGAGEMENT].inputs} IS DISTINCT FROM e.inputs
           ) AS changed
         ), asked AS (
           INSERT INTO rfm_scoring AS s (tenant_id, requested_at)
           SELECT $1, now() FROM changed WHERE changed
           ON CONFLICT (tenant_id) DO UPDATE SET requested_at = now() WHERE s.requested_at IS NULL
           RETURNING 1
         )
         SELECT EXISTS (SELECT 1 FROM asked)
             OR EXISTS (SELECT 1 FROM rfm_scoring WHERE tenant_id = $1 AND requested_at IS NOT NULL)
           AS requested`,
        [tenantId, new Date(), contactIds],
      );
      // Also when an earlier batch asked: its job may have waited for this batch.
      if (row.requested) await op.afterCommit(() => this.queue(tenantId));
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

  private queue(tenantId: string, whole = false): Promise<void> {
    return this.jobs
      .send(CUSTOMER_SCORES_RFM, { tenantId, whole }, { singletonKey: tenantId })
      .catch((error) => logFailure('queueing RFM scoring failed', error, { tenantId }));
  }

  /** Recomputes when asked (or, `whole`, regardless); a failure asks again for the retry. */
  private async score({ tenantId, whole }: JobData): Promise<void> {
    if (!tenantId) throw new Error('RFM scoring without a tenant');
    if (!(whole || (await this.takeRequest(tenantId)))) return;
    try {
      await this.scopes.run(systemContext(tenantId), (op) => scoreTenantRfmAll(op, this.rescored));
    } catch (error) {
      await this.scopes.run(systemContext(tenantId), async (op) =>
        (await op.manager()).query(
          `UPDATE rfm_scoring SET requested_at = coalesce(requested_at, now()) WHERE tenant_id = $1`,
          [tenantId],
        ),
      );
      throw error;
    }
  }

  /** Takes the tenant's request, unless the upkeep has more of its changes to come. */
  private takeRequest(tenantId: string): Promise<boolean> {
    return this.scopes.run(systemContext(tenantId), async (op) => {
      const taken: unknown[] = await (await op.manager()).query(
        `WITH taken AS (
           UPDATE rfm_scoring SET requested_at = NULL
           WHERE tenant_id = $1 AND requested_at IS NOT NULL
             AND (requested_at < now() - interval '${LONGEST_WAIT}'
                  OR NOT EXISTS (SELECT 1 FROM contact_change WHERE tenant_id = $1))
           RETURNING tenant_id)
         SELECT tenant_id FROM taken`,
        [tenantId],
      );
      return taken.length > 0;
    });
  }

  private async scoreEveryTenant(): Promise<void> {
    for await (const page of tenantIdPages(this.scopes))
      for (const tenantId of page) await this.queue(tenantId, true);
  }
}
