import { Counter } from 'prom-client';
import { systemContext } from '../../platform/context/request-context.js';
import { newId } from '../../platform/database/new-id.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import type { ImportEntity, RowOutcome } from '../../platform/import/import-target.js';
import type { JobData, JobSender, ModuleJob } from '../../platform/jobs/job-definition.js';
import { metrics } from '../../platform/metrics/metrics.js';
import type { ColumnMapping } from './column-mapping.js';
import { csvEvents, UnreadableCsv } from './csv-records.js';
import { DATA_IMPORT_RUN } from './data-import-queues.js';
import type { ImportDelimiter, ImportEncoding } from './file-encoding.js';
import type { ImportTargets } from './import-targets.js';
import { columnFinder, type PendingRow, rowReader } from './row-reader.js';

/** Rows written per transaction (with their errors and the progress checkpoint). */
export const IMPORT_BATCH_ROWS = 2_000;
/** Runs that end without committing a batch before the import is given up as FAILED. */
const MAX_FRUITLESS_RUNS = 5;

const importedRows = new Counter({
  name: 'socialcrm_import_rows_total',
  help: 'Rows of CSV imports read, by entity and outcome (imported, failed), dry runs included.',
  labelNames: ['entity', 'outcome'] as const,
  registers: [metrics],
});

interface ClaimedImport {
  readonly entity: ImportEntity;
  readonly encoding: ImportEncoding;
  readonly delimiter: ImportDelimiter;
  readonly headers: string[];
  readonly mapping: ColumnMapping[];
  readonly dryRun: boolean;
  readonly processed: number;
  readonly chunkCount: number;
  readonly attempts: number;
}

/** Another run of the same import committed first: this one stops, writing nothing more. */
class Superseded extends Error {}

/**
 * Runs imports as jobs: streams the stored file through the decoder and the CSV parser, maps
 * each row, and hands the entity's target batches of 2,000 rows, each batch in one transaction
 * with its row errors and the checkpoint (rows done). A run that dies resumes after the last
 * committed batch; a run that outlives its slice re-queues itself (a job must finish before the
 * queue takes it for dead). Every row is read in every run, so the file's own duplicates are
 * found whatever batch they fall in.
 */
export class DataImportRunner {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly targets: ImportTargets,
    private readonly jobs: JobSender,
    private readonly sliceMs: number,
  ) {}

  jobDefinitions(expireInSeconds: number): ModuleJob[] {
    return [
      {
        definition: {
          name: DATA_IMPORT_RUN,
          retryLimit: MAX_FRUITLESS_RUNS + 3,
          retryDelaySeconds: 2,
          expireInSeconds,
        },
        handler: (data) => this.run(data),
      },
    ];
  }

  async run({ tenantId, importId }: JobData): Promise<void> {
    if (typeof tenantId !== 'string' || typeof importId !== 'string')
      throw new Error(`${DATA_IMPORT_RUN} needs a tenantId and an importId`);
    const claimed = await this.inTenant(tenantId, (op) => claim(op, importId));
    if (!claimed) return;
    if (claimed.attempts > MAX_FRUITLESS_RUNS) {
      await this.inTenant(tenantId, (op) =>
        finish(op, importId, claimed.processed, 'FAILED', null, {
          line: null,
          message: 'stopped after repeated failures; the rows before were imported',
        }),
      );
      return;
    }
    try {
      await this.read(tenantId, importId, claimed);
    } catch (error) {
      if (error instanceof Superseded) return;
      logFailure('[data-import] run failed', error, { tenantId, importId });
      throw error;
    }
  }

  private async read(tenantId: string, importId: string, job: ClaimedImport): Promise<void> {
    const started = Date.now();
    const understand = rowReader(job);
    let checkpoint = job.processed;
    let position = 0;
    let batch: PendingRow[] = [];
    // The next batch is read and mapped while the previous one is written: at most one batch
    // is in the database at a time, and they commit in file order.
    let writing: Promise<void> = Promise.resolve();
    const written = async () => {
      await writing;
      return checkpoint;
    };
    const commit = async () => {
      await writing;
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      writing = this.inTenant(tenantId, (op) =>
        this.writeBatch(op, importId, job, checkpoint, rows),
      ).then(() => {
        checkpoint = rows.at(-1)?.position ?? checkpoint;
      });
      // Awaited by the next commit or at the end; marked handled so it cannot crash the process meanwhile.
      writing.catch(() => {});
    };
    let header = true;
    try {
      for await (const event of csvEvents(
        this.chunks(tenantId, importId, job.chunkCount),
        job.encoding,
        job.delimiter,
      )) {
        if (header && event.kind === 'record') {
          header = false;
          continue;
        }
        position += 1;
        const row = understand(event, position);
        if (position <= job.processed) continue;
        batch.push(row);
        if (batch.length < IMPORT_BATCH_ROWS) continue;
        await commit();
        if (Date.now() - started > this.sliceMs) {
          await written();
          await this.jobs.send(DATA_IMPORT_RUN, { tenantId, importId });
          return;
        }
      }
    } catch (error) {
      if (!(error instanceof UnreadableCsv)) throw error;
      await commit();
      const done = await written();
      await this.inTenant(tenantId, (op) =>
        finish(op, importId, done, 'FAILED', position, {
          line: error.line,
          message: error.message,
        }),
      );
      return;
    }
    await commit();
    const done = await written();
    await this.inTenant(tenantId, (op) => finish(op, importId, done, 'SUCCEEDED', position));
  }

  /** One batch: the checkpoint advanced first (a concurrent run of the import stops here). */
  private async writeBatch(
    op: Operation,
    importId: string,
    job: ClaimedImport,
    checkpoint: number,
    rows: readonly PendingRow[],
  ): Promise<void> {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const last = rows.at(-1)?.position ?? checkpoint;
    const [advanced]: [unknown[], number] = await manager.query(
      `UPDATE data_import SET processed_rows = $3, attempts = 0
       WHERE tenant_id = $1 AND id = $2 AND state = 'RUNNING' AND processed_rows = $4 RETURNING id`,
      [tenantId, importId, last, checkpoint],
    );
    if (!advanced.length) throw new Superseded();
    const writable = rows.filter((row) => row.values);
    const outcomes: RowOutcome[] = writable.length
      ? await this.targets.get(job.entity).writeBatch(
          op,
          writable.map((row) => row.values ?? {}),
          { dryRun: job.dryRun, cause: 'IMPORT' },
        )
      : [];
    const columnOf = columnFinder(job.mapping);
    const outcomeOf = new Map(writable.map((row, index) => [row, outcomes[index]]));
    // In file order: the error ids are the report's order.
    const errors = rows.flatMap((row) => {
      const outcome = outcomeOf.get(row);
      const problems =
        outcome && !outcome.ok
          ? outcome.problems.map(({ field, message }) => ({
              column: columnOf(field),
              field,
              message,
            }))
          : (row.problems ?? []);
      return problems.map((problem) => ({ row, problem }));
    });
    const imported = outcomes.filter((outcome) => outcome.ok).length;
    const failed = rows.length - imported;
    if (errors.length)
      await manager.query(
        `INSERT INTO data_import_error (tenant_id, import_id, id, row_number, line, column_name, field, message)
         SELECT $1, $2, e.id, e.row_number, e.line, e.column_name, e.field, e.message
         FROM unnest($3::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[])
           AS e(id, row_number, line, column_name, field, message)`,
        [
          tenantId,
          importId,
          errors.map(() => newId()),
          errors.map(({ row }) => row.position),
          errors.map(({ row }) => row.line),
          errors.map(({ problem }) => problem.column),
          errors.map(({ problem }) => problem.field),
          errors.map(({ problem }) => problem.message),
        ],
      );
    await manager.query(
      `UPDATE data_import SET imported_rows = imported_rows + $3, failed_rows = failed_rows + $4
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, importId, imported, failed],
    );
    await op.afterCommit(async () => {
      importedRows.inc({ entity: job.entity, outcome: 'imported' }, imported);
      importedRows.inc({ entity: job.entity, outcome: 'failed' }, failed);
    });
  }

  /** The stored file, chunk by chunk, each read in a short transaction of its own. */
  private async *chunks(tenantId: string, importId: string, count: number) {
    for (let seq = 0; seq < count; seq++) {
      const rows: Array<{ bytes: Buffer }> = await this.inTenant(tenantId, async (op) =>
        (await op.manager()).query(
          'SELECT bytes FROM data_import_chunk WHERE tenant_id = $1 AND import_id = $2 AND seq = $3',
          [tenantId, importId, seq],
        ),
      );
      const bytes = rows[0]?.bytes;
      if (!bytes) throw new Error(`chunk ${seq} of import ${importId} is missing`);
      yield bytes;
    }
  }

  private inTenant<T>(tenantId: string, work: (op: Operation) => Promise<T>): Promise<T> {
    return this.scopes.run(systemContext(tenantId), work);
  }
}

/** Takes the import for this run (QUEUED, or RUNNING when resumed), counting the attempt. */
async function claim(op: Operation, importId: string): Promise<ClaimedImport | null> {
  const rows: [Array<ClaimedImport>, number] = await (await op.manager()).query(
    `UPDATE data_import SET state = 'RUNNING', started_at = coalesce(started_at, now()), attempts = attempts + 1
     WHERE tenant_id = $1 AND id = $2 AND state IN ('QUEUED', 'RUNNING')
     RETURNING entity, encoding, delimiter, headers, mapping, dry_run AS "dryRun",
               processed_rows AS processed, chunk_count AS "chunkCount", attempts`,
    [await op.tenantId(), importId],
  );
  return rows[0][0] ?? null;
}

/** Ends the run (if no other run moved the checkpoint meanwhile), with its last error if any. */
async function finish(
  op: Operation,
  importId: string,
  checkpoint: number,
  state: 'SUCCEEDED' | 'FAILED',
  totalRows: number | null,
  failure?: { line: number | null; message: string },
): Promise<void> {
  const tenantId = await op.tenantId();
  const manager = await op.manager();
  const [ended]: [unknown[], number] = await manager.query(
    `UPDATE data_import SET state = $3, total_rows = coalesce($4, total_rows), failure = $5, finished_at = now()
     WHERE tenant_id = $1 AND id = $2 AND state = 'RUNNING' AND processed_rows = $6 RETURNING id`,
    [tenantId, importId, state, totalRows, failure?.message ?? null, checkpoint],
  );
  if (ended.length && failure)
    await manager.query(
      `INSERT INTO data_import_error (tenant_id, import_id, id, line, message) VALUES ($1, $2, $3, $4, $5)`,
      [tenantId, importId, newId(), failure.line, failure.message],
    );
}
