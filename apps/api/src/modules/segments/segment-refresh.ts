import { type SegmentRule, segmentRuleFields } from '@socialcrm/domain';
import { systemContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { tenantIdPages } from '../../platform/database/tenant-pages.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import type { JobData, JobSender, ModuleJob } from '../../platform/jobs/job-definition.js';
import {
  type ContactUpkeepStep,
  holdDerivedContactData,
  type TenantRescored,
} from '../customer-upkeep/index.js';
import type { DynamicSegment, SegmentMembership } from './segment-membership.js';
import { foldMemberCounts } from './segment-row.js';
import { recordSize } from './segments.service.js';
import { SEGMENTS_DAILY, SEGMENTS_REFRESH } from './segments-queues.js';

/** Twice a day (the queue's archive interval caps a schedule's period). */
const HALF_DAY_SECONDS = 43_200;

/**
 * Keeps stored memberships following their rules: a full refresh of one segment after it is
 * created, its rule changes or someone asks; every dynamic segment of every tenant twice a day
 * (a rule on "in the last 30 days" or an age changes its answer with the calendar alone); and,
 * through the upkeep's step, the changed contacts of each batch against every dynamic segment.
 * Each takes the segments' row locks first, so two of them never diff one segment at once
 * (NO KEY UPDATE: membership writes elsewhere, whose foreign keys only share the key, go on).
 */
export class SegmentRefresh {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly jobs: JobSender,
    private readonly membership: SegmentMembership,
  ) {}

  /** The upkeep's step, last of all: reads the metrics, scores and stages the steps before wrote. */
  readonly step: ContactUpkeepStep = {
    name: 'segments',
    apply: async (op: Operation, contactIds: readonly string[]) => {
      const segments = await this.lockDynamic(op, null);
      const now = new Date();
      for (const segment of segments) await this.membership.follow(op, segment, contactIds, now);
      if (!segments.length) return;
      await foldMemberCounts(
        op,
        segments.map((segment) => segment.id),
      );
      await recordSize(op, null);
    },
  };

  /** Queues a full refresh of one segment once the caller's transaction commits. */
  readonly queue = async (op: Operation, segmentId: string): Promise<void> => {
    const tenantId = await op.tenantId();
    await op.afterCommit(() =>
      // No singleton key: a refresh queued while one runs must still run (with the new rule).
      this.jobs
        .send(SEGMENTS_REFRESH, { tenantId, segmentId })
        .catch((error) => logFailure('queueing a segment refresh failed', error, { tenantId })),
    );
  };

  /** Queues a full refresh of each dynamic segment whose rule reads a rescored field. */
  readonly rescored: TenantRescored = async (op, fields) => {
    const segments: Array<{ id: string; rule: SegmentRule }> = await (await op.manager()).query(
      `SELECT id, rule FROM segment WHERE tenant_id = $1 AND kind = 'DYNAMIC'`,
      [await op.tenantId()],
    );
    for (const segment of segments) {
      const reads = segmentRuleFields(segment.rule);
      if (fields.some((field) => reads.has(field))) await this.queue(op, segment.id);
    }
  };

  jobDefinitions(): ModuleJob[] {
    return [
      {
        definition: { name: SEGMENTS_REFRESH, retryLimit: 3, retryDelaySeconds: 5 },
        handler: (data) => this.refreshJob(data),
      },
      {
        definition: { name: SEGMENTS_DAILY, everySeconds: HALF_DAY_SECONDS, retryLimit: 0 },
        handler: () => this.refreshEveryTenant(),
      },
    ];
  }

  /** Refreshes the tenant's dynamic segments (one, or all) in full and keeps today's sizes. */
  async refresh(op: Operation, segmentId: string | null): Promise<void> {
    await holdDerivedContactData(op);
    const segments = await this.lockDynamic(op, segmentId);
    const now = new Date();
    for (const segment of segments) await this.membership.follow(op, segment, null, now);
    await foldMemberCounts(
      op,
      segments.map((segment) => segment.id),
    );
    await (await op.manager()).query(
      `UPDATE segment SET refresh_state = 'READY', refreshed_at = now()
       WHERE tenant_id = $1 AND id = ANY ($2::uuid[])`,
      [await op.tenantId(), segments.map((segment) => segment.id)],
    );
    await recordSize(op, segmentId ? [segmentId] : null);
  }

  private async refreshJob(data: JobData): Promise<void> {
    const { tenantId, segmentId } = data;
    if (!tenantId || typeof segmentId !== 'string')
      throw new Error('segment refresh without a segment');
    await this.scopes.run(systemContext(tenantId), (op) => this.refresh(op, segmentId));
  }

  private async refreshEveryTenant(): Promise<void> {
    for await (const page of tenantIdPages(this.scopes))
      for (const tenantId of page)
        await this.scopes
          .run(systemContext(tenantId), (op) => this.refresh(op, null))
          .catch((error) => logFailure('daily segment refresh failed', error, { tenantId }));
  }

  /** The tenant's dynamic segments (or one of them), locked in id order against deadlocks. */
  private async lockDynamic(op: Operation, segmentId: string | null): Promise<DynamicSegment[]> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<{ id: string; name: string; rule: SegmentRule }> = await manager.query(
      `SELECT id, name, rule FROM segment
       WHERE tenant_id = $1 AND kind = 'DYNAMIC' AND ($2::uuid IS NULL OR id = $2)
       ORDER BY id FOR NO KEY UPDATE`,
      [tenantId, segmentId],
    );
    return rows;
  }
}
