import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';
import { ContactFilter } from '../contacts/index.js';

/** The kinds of records a CSV export writes. */
export enum ExportEntityKind {
  CONTACTS = 'CONTACTS',
  COMPANIES = 'COMPANIES',
  ORDERS = 'ORDERS',
}
registerEnumType(ExportEntityKind, {
  name: 'ExportEntity',
  description: 'What the rows of an exported file are.',
});

export enum DataExportState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(DataExportState, {
  name: 'DataExportState',
  description:
    'QUEUED, RUNNING: being written (see processedRows). SUCCEEDED: the file is ready to download. FAILED: it could not be written (see failure).',
});

@ObjectType('DataExport', {
  description:
    'A CSV export and its progress. The file, once SUCCEEDED, is at `GET /api/exports/:id/file` (Bearer access token and X-Tenant-Id, like GraphQL): UTF-8 with a byte-order mark, for the language chosen (es, ru: `;` between columns and a decimal comma; en: `,` and a decimal point), dates in ISO 8601 (UTC), custom fields as `custom.<key>` columns, and every cell a spreadsheet would read as a formula prefixed with a quote.',
})
export class DataExportType {
  @Field(() => ID)
  id: string;

  @Field(() => ExportEntityKind, { description: 'What the rows of the file are.' })
  entity: ExportEntityKind;

  @Field(() => DataExportState, { description: 'Where the export stands.' })
  state: DataExportState;

  @Field(() => String, { nullable: true, description: 'The search the rows were selected with.' })
  search: string | null;

  @Field(() => String, { description: 'The language the file is written for: es, en or ru.' })
  locale: string;

  @Field(() => String, { description: 'The name the file downloads as.' })
  fileName: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Rows the export selects (counted when its run starts).',
  })
  totalRows: number | null;

  @Field(() => Int, { description: 'Rows written so far.' })
  processedRows: number;

  @Field(() => Int, {
    description: 'The size of the file written so far, in bytes (header included).',
  })
  byteSize: number;

  @Field(() => String, { nullable: true, description: 'Why a FAILED export stopped.' })
  failure: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where to download the file (relative to the api), once SUCCEEDED.',
  })
  downloadPath: string | null;

  @Field(() => Date, { description: 'When it was asked for.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When its job first ran.' })
  startedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the file was complete (or the export failed).',
  })
  finishedAt: Date | null;
}

@ObjectType('DataExportConnection', { description: 'Exports of the tenant, newest first.' })
export class DataExportConnection extends Connection(DataExportType, 'DataExport') {}

@InputType({ description: 'What to export, and for which language.' })
export class StartDataExportInput {
  @Field(() => ExportEntityKind, { description: 'What the rows of the file are.' })
  entity: ExportEntityKind;

  @Field(() => String, {
    nullable: true,
    description: 'Export only what the list finds with this search (contacts, companies).',
  })
  search?: string | null;

  @Field(() => ContactFilter, {
    nullable: true,
    description:
      'Export only the contacts the list shows with this filter (CONTACTS only). A segment joins it once segments exist.',
  })
  contactFilter?: ContactFilter | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The language of the file, es, en or ru: its column separator and decimal mark. Default: the caller’s UI language.',
  })
  locale?: string | null;
}
