import { Counter } from 'prom-client';
import { systemContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import type { JobData, JobSender, ModuleJob } from '../../platform/jobs/job-definition.js';
import { metrics } from '../../platform/metrics/metrics.js';
import { csvHeader, csvLines, dialectOf, type ExportLocale } from './csv-format.js';
import { DATA_EXPORT_RUN } from './data-export-queues.js';
import type { ExportEntity, ExportSelection, ExportSource } from './export-sources.js';

/** Rows read, written as one chunk and committed with the checkpoint, per transaction. */
export const EXPORT_BATCH_ROWS = 5_000;
/** Runs that end without committing a batch before the export is given up as FAILED. */
const MAX_FRUITLESS_RUNS = 5;

const exportedRows = new Counter({
  name: 'socialcrm_export_rows_total',
  help: 'Rows written to CSV exports, by entity.',
  labelNames: ['entity'] as const,
  registers: [metrics],
});

interface ClaimedExport extends ExportSelection {
  readonly locale: ExportLocale;
  readonly lastKey: string | null;
  readonly chunkCount: number;
  readonly attempts: number;
}

/** Another run of the same export committed first: this one stops, writing nothing more. */
class Superseded extends Error {}

/**
 * Runs exports as jobs: reads the selected rows by keyset (id order), 5,000 at a time, writes
 * each batch through csv-stringify as one chunk of the file, and commits the chunk with the
 * checkpoint (the last id, rows done) in one transaction. No transaction stays open across
 * batches and no more than one batch is ever in memory; a run that dies resumes after the last
 * committed chunk, and a run that outlives its slice re-queues itself.
 */
export class DataExportRunner {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly sources: Readonly<Record<ExportEntity, ExportSource>>,
    private readonly jobs: JobSender,
    private readonly sliceMs: number,
  ) {}

  jobDefinitions(expireInSeconds: number): ModuleJob[] {
    return [
      {
        definition: {
          name: DATA_EXPORT_RUN,
          retryLimit: MAX_FRUITLESS_RUNS + 3,
          retryDelaySeconds: 2,
          expireInSeconds,
        },
        handler: (data) => this.run(data),
      },
    ];
  }

  async run({ tenantId, exportId }: JobData): Promise<void> {
    if (typeof tenantId !== 'string' || typeof exportId !== 'string')
      throw new Error(`${DATA_EXPORT_RUN} needs a tenantId and an exportId`);
    const claimed = await this.inTenant(tenantId, (op) => claim(op, exportId));
    if (!claimed) return;
    if (claimed.attempts > MAX_FRUITLESS_RUNS) {
      await this.inTenant(tenantId, (op) =>
        finish(op, exportId, claimed.chunkCount, 'FAILED', 'stopped after repeated failures'),
      );
      return;
    }
    try {
      await this.write(tenantId, exportId, claimed);
    } catch (error) {
      if (error instanceof Superseded) return;
      logFailure('[data-export] run failed', error, { tenantId, exportId });
      throw error;
    }
  }

  private async write(tenantId: string, exportId: string, job: ClaimedExport): Promise<void> {
    const started = Date.now();
    const source = this.sources[job.entity];
    const dialect = dialectOf(job.locale);
    let { lastKey, chunkCount } = job;
    const columns = await this.inTenant(tenantId, (op) => source.columns(op));
    for (;;) {
      const written = await this.inTenant(tenantId, async (op) => {
        if (chunkCount === 0) {
          await appendChunk(op, exportId, 0, Buffer.from(csvHeader(columns, dialect)), null, 0);
          return { lastKey, rows: 0 };
        }
        const rows = await source.page(op, job, columns, lastKey, EXPORT_BATCH_ROWS);
        const last = rows.at(-1);
        if (!last) {
          await finish(op, exportId, chunkCount, 'SUCCEEDED');
          return null;
        }
        const bytes = Buffer.from(
          csvLines(
            rows.map(({ cells }) => cells),
            columns,
            dialect,
          ),
        );
        await appendChunk(op, exportId, chunkCount, bytes, last.id, rows.length);
        await op.afterCommit(async () => {
          exportedRows.inc({ entity: job.entity }, rows.length);
        });
        return { lastKey: last.id, rows: rows.length };
      });
      if (!written) return;
      lastKey = written.lastKey;
      chunkCount += 1;
      if (written.rows < EXPORT_BATCH_ROWS && written.rows > 0) {
        // A short page is the last: finish without another read.
        await this.inTenant(tenantId, (op) => finish(op, exportId, chunkCount, 'SUCCEEDED'));
        return;
      }
      if (Date.now() - started > this.sliceMs) {
        await this.jobs.send(DATA_EXPORT_RUN, { tenantId, exportId });
        return;
      }
    }
  }

  private inTenant<T>(tenantId: string, work: (op: Operation) => Promise<T>): Promise<T> {
    return this.scopes.run(systemContext(tenantId), work);
  }
}

/** Takes the export for this run (QUEUED, or RUNNING when resumed), counting the attempt. */
async function claim(op: Operation, exportId: string): Promise<ClaimedExport | null> {
  const rows: [ClaimedExport[], number] = await (await op.manager()).query(
    `UPDATE data_export SET state = 'RUNNING', started_at = coalesce(started_at, now()), attempts = attempts + 1
     WHERE tenant_id = $1 AND id = $2 AND state IN ('QUEUED', 'RUNNING')
     RETURNING entity, search, contact_filter AS "contactFilter", locale, last_key AS "lastKey",
               chunk_count AS "chunkCount", attempts`,
    [await op.tenantId(), exportId],
  );
  return rows[0][0] ?? null;
}

/**
 * Appends the next chunk with the checkpoint, if no other run appended it first (the chunk
 * count is the guard; a second run's insert would also collide on the chunk's key).
 */
async function appendChunk(
  op: Operation,
  exportId: string,
  seq: number,
  bytes: Buffer,
  lastKey: string | null,
  rows: number,
): Promise<void> {
  const tenantId = await op.tenantId();
  const manager = await op.manager();
  const [advanced]: [unknown[], number] = await manager.query(
    `UPDATE data_export SET chunk_count = $3 + 1, last_key = coalesce($4, last_key),
            processed_rows = processed_rows + $5, byte_size = byte_size + $6, attempts = 0
     WHERE tenant_id = $1 AND id = $2 AND state = 'RUNNING' AND chunk_count = $3 RETURNING id`,
    [tenantId, exportId, seq, lastKey, rows, bytes.length],
  );
  if (!advanced.length) throw new Superseded();
  await manager.query(
    'INSERT INTO data_export_chunk (tenant_id, export_id, seq, bytes) VALUES ($1, $2, $3, $4)',
    [tenantId, exportId, seq, bytes],
  );
}

/** Ends the run, if no other run moved the file on meanwhile; the total is then what was written. */
async function finish(
  op: Operation,
  exportId: string,
  chunkCount: number,
  state: 'SUCCEEDED' | 'FAILED',
  failure: string | null = null,
): Promise<void> {
  await (await op.manager()).query(
    `UPDATE data_export SET state = $3, failure = $4, finished_at = now(),
            total_rows = CASE WHEN $3 = 'SUCCEEDED' THEN processed_rows ELSE total_rows END
     WHERE tenant_id = $1 AND id = $2 AND state = 'RUNNING' AND chunk_count = $5`,
    [await op.tenantId(), exportId, state, failure, chunkCount],
  );
}
