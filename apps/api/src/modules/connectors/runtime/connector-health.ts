import { Counter } from 'prom-client';
import type { EntityManager } from 'typeorm';
import { log } from '../../../platform/logging/log.js';
import { metrics } from '../../../platform/metrics/metrics.js';
import { FeedFormatError } from '../feeds/feed-parser.js';
import { ConnectorProblem, classifyFailure } from './connector-problem.js';

/** Longest wait between two attempts of a failing feed. */
export const MAX_BACKOFF_SECONDS = 6 * 3600;

export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

/**
 * A connector worked: ACTIVE again (unless a user paused it meanwhile), failures forgotten.
 * `nextInSeconds` schedules a feed's next poll; `validators` replace the stored ones.
 */
export async function recordSuccess(
  manager: EntityManager,
  tenantId: string,
  connectorId: string,
  options: { nextInSeconds?: number; validators?: Validators } = {},
): Promise<void> {
  await manager.query(
    `UPDATE connector SET
       status = CASE WHEN status = 'PAUSED' THEN status ELSE 'ACTIVE' END,
       last_success_at = now(), consecutive_failures = 0,
       next_poll_at = CASE WHEN $3::int IS NULL THEN next_poll_at ELSE now() + make_interval(secs => $3::int) END,
       etag = CASE WHEN $4 THEN $5 ELSE etag END,
       last_modified = CASE WHEN $4 THEN $6 ELSE last_modified END
     WHERE tenant_id = $1 AND id = $2`,
    [
      tenantId,
      connectorId,
      options.nextInSeconds ?? null,
      options.validators !== undefined,
      options.validators?.etag ?? null,
      options.validators?.lastModified ?? null,
    ],
  );
}

/**
 * A connector failed: FAILING (unless paused), its problem kept. A feed backs off
 * exponentially: its interval × 2^failures, at most MAX_BACKOFF_SECONDS.
 */
export async function recordFailure(
  manager: EntityManager,
  tenantId: string,
  connectorId: string,
  problem: ConnectorProblem,
  intervalSeconds?: number,
): Promise<void> {
  await manager.query(
    `UPDATE connector SET
       status = CASE WHEN status = 'PAUSED' THEN status ELSE 'FAILING' END,
       last_error = $3, last_error_at = now(), consecutive_failures = consecutive_failures + 1,
       next_poll_at = CASE WHEN $4::int IS NULL THEN next_poll_at
         ELSE now() + make_interval(secs => least($4::int * 2 ^ least(consecutive_failures + 1, 20), $5)) END
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, connectorId, problem, intervalSeconds ?? null, MAX_BACKOFF_SECONDS],
  );
}

const connectorFailures = new Counter({
  name: 'socialcrm_connector_failures_total',
  help: 'Failed connector polls and streams, by problem (what the admin shows the tenant).',
  labelNames: ['problem'] as const,
  registers: [metrics],
});

/**
 * What to store as a connector's last problem: a code the admin explains in the user's
 * language. The technical detail (which may tell ports or internals apart) goes to the log.
 */
export function problemOf(error: unknown, connectorId: string): ConnectorProblem {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const problem =
    error instanceof FeedFormatError ? ConnectorProblem.NOT_A_FEED : classifyFailure(error);
  log.warn({ connectorId, problem, failure: detail }, 'connector failed');
  connectorFailures.inc({ problem });
  return problem;
}
