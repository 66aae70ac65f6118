import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import type { BackgroundJobType } from './background-job.type.js';

const MAX_JOBS = 100;

/**
 * The tenant's recent background jobs. The queue's table serves every tenant and has no row
 * policy (the queue itself reads across tenants), so this read names the admitted tenant itself.
 */
export class BackgroundJobService {
  async recent(op: Operation, first: number): Promise<BackgroundJobType[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_JOBS)
      throw badUserInput([{ field: 'first', message: `must be between 1 and ${MAX_JOBS}` }]);
    const tenantId = await op.tenantId();
    return (await op.manager()).query(
      `SELECT id, name, state, retry_count AS retries, created_on AS "createdAt",
              started_on AS "startedAt", completed_on AS "completedAt"
       FROM pgboss.job WHERE data->>'tenantId' = $1::text
       ORDER BY created_on DESC LIMIT $2`,
      [tenantId, first],
    );
  }
}
