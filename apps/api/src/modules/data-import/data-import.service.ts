import { startDataImportSchema } from '@socialcrm/validation';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { ImportEntity, ImportField } from '../../platform/import/import-target.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { type ColumnMapping, suggestMapping } from './column-mapping.js';
import {
  type DataImportErrorType,
  DataImportState,
  type DataImportType,
  type ImportMappingType,
  type StartDataImportInput,
} from './data-import.type.js';
import { DATA_IMPORT_RUN } from './data-import-queues.js';
import { PREVIEW_BYTES, previewFile } from './file-preview.js';
import { CHUNK_BYTES, storeChunks } from './file-upload.js';
import type { ImportTargets } from './import-targets.js';

const COLUMNS = `id, entity, file_name AS "fileName", byte_size::int AS "byteSize", state, encoding, delimiter,
  headers, sample_rows AS "sampleRows", mapping, dry_run AS "dryRun", warnings, failure,
  coalesce(total_rows, estimated_rows) AS "totalRows", processed_rows AS "processedRows",
  imported_rows AS "importedRows", failed_rows AS "failedRows", created_at AS "createdAt",
  started_at AS "startedAt", finished_at AS "finishedAt"`;

/** The uploaded files of the tenant, their mappings and their runs (which the runner does). */
export class DataImportService {
  constructor(
    private readonly targets: ImportTargets,
    private readonly jobs: JobSender,
  ) {}

  /** Stores an uploaded file, detects how it is written and suggests a mapping. */
  async upload(
    op: Operation,
    entity: ImportEntity,
    fileName: string,
    body: AsyncIterable<Buffer>,
    maxBytes: number,
  ): Promise<string> {
    const target = this.targets.get(entity);
    const tenantId = await op.tenantId();
    const { userId } = await op.access();
    const manager = await op.manager();
    const id = newId();
    await manager.query(
      `INSERT INTO data_import (tenant_id, id, entity, file_name, byte_size, chunk_count, estimated_rows, state,
                                encoding, delimiter, headers, sample_rows, mapping, created_by)
       VALUES ($1, $2, $3, $4, 0, 0, 0, 'UPLOADED', 'UTF-8', ',', '{}', '[]', '[]', $5)`,
      [tenantId, id, entity, fileName, userId],
    );
    const file = await storeChunks(op, id, body, maxBytes, PREVIEW_BYTES);
    const preview = await previewFile(file.prefix, file.byteSize <= PREVIEW_BYTES);
    if (!preview.headers.length)
      throw badUserInput([{ field: 'body', message: 'holds no header row' }]);
    const mapping = suggestMapping(
      preview.headers,
      await target.fields(op),
      await this.savedMappings(op, entity),
    );
    await manager.query(
      `UPDATE data_import SET byte_size = $3, chunk_count = $4, estimated_rows = $5, encoding = $6, delimiter = $7,
              headers = $8, sample_rows = $9::jsonb, mapping = $10::jsonb
       WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        id,
        file.byteSize,
        file.chunkCount,
        Math.max(0, file.lineBreaks - 1),
        preview.encoding,
        preview.delimiter,
        preview.headers,
        JSON.stringify(preview.sampleRows),
        JSON.stringify(mapping),
      ],
    );
    return id;
  }

  /** The import; `forUpdate` holds it until the operation ends (two starts cannot both pass). */
  async get(op: Operation, id: string, forUpdate = false): Promise<DataImportType> {
    const tenantId = await op.tenantId();
    const rows: DataImportType[] = await (await op.manager()).query(
      `SELECT ${COLUMNS} FROM data_import WHERE tenant_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [tenantId, requireId(id)],
    );
    const [row] = rows;
    if (!row) throw notFound('Import');
    return row;
  }

  async list(op: Operation, first: number, after?: string | null): Promise<Page<DataImportType>> {
    const size = checkPageSize(first);
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const rows: DataImportType[] = await manager.query(
      `SELECT ${COLUMNS} FROM data_import WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2)
       ORDER BY id DESC LIMIT $3`,
      [tenantId, after ? decodeCursor(after).id : null, size + 1],
    );
    const [{ count }] = await manager.query(
      'SELECT count(*)::int AS count FROM data_import WHERE tenant_id = $1',
      [tenantId],
    );
    return toPage(rows, size, count);
  }

  /** A page of an import's row errors in file order (the import is found first). */
  errors(
    op: Operation,
    importId: string,
    first: number,
    after?: string | null,
  ): Promise<Page<DataImportErrorType>> {
    return this.errorPage(op, importId, checkPageSize(first), after);
  }

  /** Row errors in file order, `size` at a time (the error report reads them all). */
  async errorPage(
    op: Operation,
    importId: string,
    size: number,
    after?: string | null,
  ): Promise<Page<DataImportErrorType>> {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const rows: DataImportErrorType[] = await manager.query(
      `SELECT id, row_number AS "rowNumber", line, column_name AS "column", field, message
       FROM data_import_error WHERE tenant_id = $1 AND import_id = $2 AND ($3::uuid IS NULL OR id > $3)
       ORDER BY id LIMIT $4`,
      [tenantId, importId, after ? decodeCursor(after).id : null, size + 1],
    );
    const [{ count }] = await manager.query(
      'SELECT count(*)::int AS count FROM data_import_error WHERE tenant_id = $1 AND import_id = $2',
      [tenantId, importId],
    );
    return toPage(rows, size, count);
  }

  fields(op: Operation, entity: ImportEntity): Promise<readonly ImportField[]> {
    return this.targets.get(entity).fields(op);
  }

  async mappings(op: Operation, entity: ImportEntity): Promise<ImportMappingType[]> {
    const tenantId = await op.tenantId();
    return (await op.manager()).query(
      `SELECT id, entity, name, mapping, updated_at AS "updatedAt" FROM import_mapping
       WHERE tenant_id = $1 AND entity = $2 ORDER BY lower(name) LIMIT 200`,
      [tenantId, entity],
    );
  }

  /**
   * Checks the mapping against the file and the entity's fields, then queues the run. A file
   * runs once for real; before that it may be dry-run any number of times.
   */
  async start(op: Operation, id: string, input: StartDataImportInput): Promise<DataImportType> {
    const parsed = parseInput(startDataImportSchema, input, 'input');
    const current = await this.get(op, id, true);
    const startable =
      current.state === DataImportState.UPLOADED ||
      (current.dryRun &&
        (current.state === DataImportState.SUCCEEDED || current.state === DataImportState.FAILED));
    if (!startable) throw conflict('This import has already run', 'id', 'ALREADY_STARTED');
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const encoding = parsed.encoding ?? current.encoding;
    const delimiter = parsed.delimiter ?? current.delimiter;
    // Another encoding or delimiter may read other headers.
    const preview =
      encoding === current.encoding && delimiter === current.delimiter
        ? current
        : await previewFile(await this.firstChunk(op, id), current.byteSize <= CHUNK_BYTES, {
            encoding: encoding as never,
            delimiter: delimiter as never,
          });
    const fields = await this.fields(op, current.entity);
    checkMapping(parsed.mapping, preview.headers, fields);
    const mapped = new Set(parsed.mapping.map(({ column }) => column));
    const unmapped = preview.headers.filter((header) => !mapped.has(header));
    const warnings = unmapped.length
      ? [`Columns not imported (not mapped): ${unmapped.join(', ')}`]
      : [];
    if (parsed.saveMappingAs)
      await this.saveMapping(op, current.entity, parsed.saveMappingAs, parsed.mapping);
    await manager.query('DELETE FROM data_import_error WHERE tenant_id = $1 AND import_id = $2', [
      tenantId,
      current.id,
    ]);
    await manager.query(
      `UPDATE data_import SET state = 'QUEUED', mapping = $3::jsonb, dry_run = $4, encoding = $5, delimiter = $6,
              headers = $7, sample_rows = $8::jsonb, warnings = $9, failure = NULL, attempts = 0,
              processed_rows = 0, imported_rows = 0, failed_rows = 0, total_rows = NULL,
              started_at = NULL, finished_at = NULL
       WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        current.id,
        JSON.stringify(parsed.mapping),
        parsed.dryRun,
        encoding,
        delimiter,
        preview.headers,
        JSON.stringify(preview.sampleRows),
        warnings,
      ],
    );
    await op.afterCommit(() => this.jobs.send(DATA_IMPORT_RUN, { tenantId, importId: current.id }));
    return this.get(op, current.id);
  }

  /** Saved mappings of the entity, the most recently saved first. */
  private async savedMappings(op: Operation, entity: ImportEntity) {
    const rows: Array<{ mapping: ColumnMapping[] }> = await (await op.manager()).query(
      `SELECT mapping FROM import_mapping WHERE tenant_id = $1 AND entity = $2
       ORDER BY updated_at DESC LIMIT 200`,
      [await op.tenantId(), entity],
    );
    return rows;
  }

  private async saveMapping(
    op: Operation,
    entity: ImportEntity,
    name: string,
    mapping: readonly ColumnMapping[],
  ): Promise<void> {
    const { userId } = await op.access();
    await (await op.manager()).query(
      `INSERT INTO import_mapping (tenant_id, id, entity, name, mapping, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (tenant_id, entity, lower(name))
         DO UPDATE SET mapping = EXCLUDED.mapping, name = EXCLUDED.name, updated_at = now()`,
      [await op.tenantId(), newId(), entity, name, JSON.stringify(mapping), userId],
    );
  }

  private async firstChunk(op: Operation, id: string): Promise<Buffer> {
    const rows: Array<{ bytes: Buffer }> = await (await op.manager()).query(
      'SELECT bytes FROM data_import_chunk WHERE tenant_id = $1 AND import_id = $2 AND seq = 0',
      [await op.tenantId(), id],
    );
    return rows[0]?.bytes ?? Buffer.alloc(0);
  }
}

/** Every mapped column is in the file, every field is the entity's, every required one is mapped. */
function checkMapping(
  mapping: readonly ColumnMapping[],
  headers: readonly string[],
  fields: readonly ImportField[],
): void {
  const present = new Set(headers);
  const known = new Set(fields.map(({ key }) => key));
  const problems = mapping.flatMap(({ column, field }, index) => [
    ...(present.has(column)
      ? []
      : [
          {
            field: `input.mapping.${index}.column`,
            message: `"${column}" is not a column of the file`,
          },
        ]),
    ...(known.has(field)
      ? []
      : [
          {
            field: `input.mapping.${index}.field`,
            message: `"${field}" is not a field of this entity`,
          },
        ]),
  ]);
  const mapped = new Set(mapping.map(({ field }) => field));
  for (const { key, label, required } of fields)
    if (required && !mapped.has(key))
      problems.push({ field: 'input.mapping', message: `must map a column to ${label} (${key})` });
  if (problems.length) throw badUserInput(problems);
}
