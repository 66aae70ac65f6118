import { startDataExportSchema } from '@socialcrm/validation';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { EXPORT_LOCALES, type ExportLocale } from './csv-format.js';
import { DataExportState, type DataExportType, type ExportEntityKind } from './data-export.type.js';
import { DATA_EXPORT_RUN } from './data-export-queues.js';
import type { ExportEntity, ExportSource } from './export-sources.js';

export const DATA_EXPORT_PATH = '/api/exports';

const COLUMNS = `id, entity, state, search, locale, total_rows AS "totalRows", processed_rows AS "processedRows",
  byte_size::int AS "byteSize", failure, chunk_count AS "chunkCount", created_at AS "createdAt",
  started_at AS "startedAt", finished_at AS "finishedAt"`;

type ExportRow = Omit<DataExportType, 'fileName' | 'downloadPath'> & { chunkCount: number };

/** What `startDataExport` takes (the GraphQL input, before validation). */
export interface StartExport {
  readonly entity: ExportEntityKind;
  readonly search?: string | null;
  readonly contactFilter?: object | null;
  readonly locale?: string | null;
}

/** A finished export's file: its name, size and chunk count (the route reads the chunks). */
export interface ExportFile {
  readonly fileName: string;
  readonly byteSize: number;
  readonly chunkCount: number;
}

/** The tenant's exports: started here, written by the runner, read back in chunks. */
export class DataExportService {
  constructor(
    private readonly sources: Readonly<Record<ExportEntity, ExportSource>>,
    private readonly jobs: JobSender,
  ) {}

  /**
   * Checks the selection (counting its rows, which also checks the filter) and queues the
   * job. The file is written in the caller's UI language unless another is asked for.
   */
  async start(op: Operation, input: StartExport): Promise<DataExportType> {
    const parsed = parseInput(startDataExportSchema, plain(input), 'input');
    const locale = parsed.locale ?? uiLocale(op.request.locale);
    const selection = {
      entity: parsed.entity,
      search: parsed.search ?? null,
      contactFilter: parsed.contactFilter ?? null,
    };
    const totalRows = await this.sources[parsed.entity].count(op, selection);
    const tenantId = await op.tenantId();
    const { userId } = await op.access();
    const id = newId();
    await (await op.manager()).query(
      `INSERT INTO data_export (tenant_id, id, entity, search, contact_filter, locale, state, total_rows, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'QUEUED', $7, $8)`,
      [
        tenantId,
        id,
        parsed.entity,
        selection.search,
        selection.contactFilter && JSON.stringify(selection.contactFilter),
        locale,
        totalRows,
        userId,
      ],
    );
    await op.afterCommit(() => this.jobs.send(DATA_EXPORT_RUN, { tenantId, exportId: id }));
    return this.get(op, id);
  }

  async get(op: Operation, id: string): Promise<DataExportType> {
    return view(await this.row(op, id));
  }

  async list(op: Operation, first: number, after?: string | null): Promise<Page<DataExportType>> {
    const size = checkPageSize(first);
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const rows: ExportRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM data_export WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2)
       ORDER BY id DESC LIMIT $3`,
      [tenantId, after ? decodeCursor(after).id : null, size + 1],
    );
    const [{ count }] = await manager.query(
      'SELECT count(*)::int AS count FROM data_export WHERE tenant_id = $1',
      [tenantId],
    );
    return toPage(rows.map(view), size, count);
  }

  /** A finished export's file; an unfinished one is not found yet. */
  async file(op: Operation, id: string): Promise<ExportFile> {
    const row = await this.row(op, id);
    if (row.state !== DataExportState.SUCCEEDED) throw notFound('Finished export');
    return { fileName: fileNameOf(row), byteSize: row.byteSize, chunkCount: row.chunkCount };
  }

  /** One chunk of an export's file, in order from 0. */
  async chunk(op: Operation, id: string, seq: number): Promise<Buffer> {
    const rows: Array<{ bytes: Buffer }> = await (await op.manager()).query(
      'SELECT bytes FROM data_export_chunk WHERE tenant_id = $1 AND export_id = $2 AND seq = $3',
      [await op.tenantId(), id, seq],
    );
    const bytes = rows[0]?.bytes;
    if (!bytes) throw new Error(`chunk ${seq} of export ${id} is missing`);
    return bytes;
  }

  private async row(op: Operation, id: string): Promise<ExportRow> {
    const rows: ExportRow[] = await (await op.manager()).query(
      `SELECT ${COLUMNS} FROM data_export WHERE tenant_id = $1 AND id = $2`,
      [await op.tenantId(), requireId(id)],
    );
    const [row] = rows;
    if (!row) throw notFound('Export');
    return row;
  }
}

function view({ chunkCount: _, ...row }: ExportRow): DataExportType {
  return {
    ...row,
    fileName: fileNameOf(row),
    downloadPath:
      row.state === DataExportState.SUCCEEDED ? `${DATA_EXPORT_PATH}/${row.id}/file` : null,
  };
}

/** A name safe on every system: the entity and when it was asked for (UTC), ASCII only. */
function fileNameOf({ entity, createdAt }: { entity: string; createdAt: Date }): string {
  const stamp = createdAt.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${entity.toLowerCase()}-${stamp}.csv`;
}

function uiLocale(locale: string): ExportLocale {
  return (EXPORT_LOCALES as readonly string[]).includes(locale) ? (locale as ExportLocale) : 'es';
}

/** GraphQL input objects have a null prototype; the filter is kept as plain JSON. */
function plain(input: StartExport): unknown {
  return JSON.parse(JSON.stringify(input));
}
