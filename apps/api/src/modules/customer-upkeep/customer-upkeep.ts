import { systemContext } from '../../platform/context/request-context.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { GLOBAL_READ } from '../../platform/database/tenant-pages.js';
import type { JobData, JobSender, ModuleJob } from '../../platform/jobs/job-definition.js';
import { log } from '../../platform/logging/log.js';
import { CUSTOMER_UPKEEP_APPLY, CUSTOMER_UPKEEP_TICK } from './customer-upkeep-queues.js';
import { holdDerivedContactData } from './derived-data-lock.js';
import type { ContactUpkeepStep } from './upkeep-step.js';

/** Contacts handled per transaction: large enough for set-based SQL, small enough to commit often. */
const BATCH = 2_000;

/** Batches per job run; the rest goes to a new run, so one tenant's backlog cannot hold a worker. */
const BATCHES_PER_RUN = 50;

/**
 * Keeps what is derived from contacts current as their data changes. Triggers note each
 * changed contact in `contact_change` (a contact, an identity, an order, an engagement event, a
 * timeline entry); the clock queues one job per tenant with changes, which takes them a batch at
 * a time and runs every step on the batch in one transaction: a failure rolls the batch back
 * into the queue, so no change is lost.
 */
export class CustomerUpkeep {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly jobs: JobSender,
    private readonly steps: readonly ContactUpkeepStep[],
    private readonly everySeconds: number,
  ) {}

  jobDefinitions(): ModuleJob[] {
    return [
      {
        definition: { name: CUSTOMER_UPKEEP_TICK, everySeconds: this.everySeconds, retryLimit: 0 },
        handler: () => this.tick(),
      },
      {
        definition: { name: CUSTOMER_UPKEEP_APPLY, retryLimit: 5, retryDelaySeconds: 2 },
        handler: (data) => this.applyJob(data),
      },
    ];
  }

  /** Handles every change the tenant has waiting now; returns how many contacts it looked at. */
  async drain(tenantId: string, maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
    let handled = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const count = await this.applyBatch(tenantId);
      handled += count;
      if (count < BATCH) return handled;
    }
    await this.jobs.send(CUSTOMER_UPKEEP_APPLY, { tenantId }, { singletonKey: tenantId });
    return handled;
  }

  private async tick(): Promise<void> {
    // A bulk write since the last tick (an import, a burst of mentions) would otherwise leave
    // the batches planned for tables as small as before: seconds per contact instead of rows.
    const analyzed: Array<{ table: string }> = await this.scopes.run(GLOBAL_READ, async (op) =>
      (await op.manager()).query('SELECT app.refresh_stale_statistics() AS table'),
    );
    if (analyzed.length) log.debug({ tables: analyzed.map((row) => row.table) }, 'analyzed');
    const tenants: Array<{ id: string }> = await this.scopes.run(GLOBAL_READ, async (op) =>
      (await op.manager()).query('SELECT app.tenants_with_contact_changes() AS id'),
    );
    for (const { id } of tenants)
      await this.jobs.send(CUSTOMER_UPKEEP_APPLY, { tenantId: id }, { singletonKey: id });
  }

  private async applyJob(data: JobData): Promise<void> {
    if (!data.tenantId) throw new Error('customer upkeep without a tenant');
    const handled = await this.drain(data.tenantId, BATCHES_PER_RUN);
    if (handled) log.debug({ tenantId: data.tenantId, contacts: handled }, 'customer upkeep');
  }

  /**
   * Takes one batch of changes and runs every step on it. Locks are taken in the order every
   * writer takes them: the contacts first, then their noted changes. A writer that has updated
   * a contact notes it last (its statement trigger runs after the update); were the noted
   * change taken first, that writer would wait for the batch while the batch (moving the
   * contact's stage) waited for the writer's contact row: a deadlock, and a user's error.
   */
  private applyBatch(tenantId: string): Promise<number> {
    return this.scopes.run(systemContext(tenantId), async (op) => {
      await holdDerivedContactData(op);
      const manager = await op.manager();
      const noted: Array<{ contact_id: string }> = await manager.query(
        `SELECT contact_id FROM contact_change WHERE tenant_id = $1 ORDER BY contact_id LIMIT $2`,
        [tenantId, BATCH],
      );
      if (!noted.length) return 0;
      const ids = noted.map((row) => row.contact_id);
      await manager.query(
        `SELECT id FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[])
         ORDER BY id FOR NO KEY UPDATE`,
        [tenantId, ids],
      );
      // A SELECT over the DELETE: TypeORM answers a bare DELETE with [rows, count], not rows.
      const taken: Array<{ contact_id: string }> = await manager.query(
        `WITH taken AS (
           DELETE FROM contact_change WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])
           RETURNING contact_id)
         SELECT contact_id FROM taken`,
        [tenantId, ids],
      );
      const contactIds = taken.map((row) => row.contact_id);
      if (contactIds.length) for (const step of this.steps) await step.apply(op, contactIds);
      return contactIds.length;
    });
  }
}
