import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';

/** The kinds of records a CSV file can bring in (the platform's `ImportEntity`). */
export enum ImportEntityKind {
  CONTACTS = 'CONTACTS',
  COMPANIES = 'COMPANIES',
  ORDERS = 'ORDERS',
  ENGAGEMENT_EVENTS = 'ENGAGEMENT_EVENTS',
  REFERRALS = 'REFERRALS',
}
registerEnumType(ImportEntityKind, {
  name: 'ImportEntity',
  description: 'What the rows of an imported file become.',
});

export enum DataImportState {
  UPLOADED = 'UPLOADED',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(DataImportState, {
  name: 'DataImportState',
  description:
    'UPLOADED: read and waiting for its mapping. QUEUED, RUNNING: being imported (or dry-run). SUCCEEDED: every row was read (rows with errors are counted in failedRows). FAILED: the file could not be read on (see failure); what was imported before is kept.',
});

@ObjectType('ColumnMapping', { description: 'A column of the file read into a field.' })
export class ColumnMappingType {
  @Field(() => String, { description: "The column's header, as in the file." })
  column: string;

  @Field(() => String, {
    description: 'The field it fills (see DataImport.fields); `custom.<key>` for a custom field.',
  })
  field: string;
}

@InputType({ description: 'A column of the file read into a field.' })
export class ColumnMappingInput {
  @Field(() => String, { description: "The column's header, as in the file." })
  column: string;

  @Field(() => String, { description: 'The field it fills; `custom.<key>` for a custom field.' })
  field: string;
}

@ObjectType('ImportField', { description: 'A field a column can be mapped to.' })
export class ImportFieldType {
  @Field(() => String, { description: 'What a mapping names (`custom.<key>` for custom fields).' })
  key: string;

  @Field(() => String, { description: 'Its name for people.' })
  label: string;

  @Field(() => Boolean, { description: 'A mapping must fill it.' })
  required: boolean;

  @Field(() => String, {
    description: 'TEXT, NUMBER, DECIMAL, DATE, DATETIME, BOOLEAN, LIST or ONE_OF.',
  })
  type: string;
}

@ObjectType('DataImportError', { description: 'Why one row of the file was not imported.' })
export class DataImportErrorType {
  @Field(() => ID, { description: 'Ids follow the file order (the cursor of the errors list).' })
  id: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The row among the data rows (1 = the first after the header).',
  })
  rowNumber: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The line of the file where the row starts (1 = the header).',
  })
  line: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The column of the file the problem is in, when it is in one.',
  })
  column: string | null;

  @Field(() => String, { nullable: true, description: 'The field the problem is about.' })
  field: string | null;

  @Field(() => String, { description: 'What is wrong.' })
  message: string;
}

@ObjectType('DataImportErrorConnection', { description: 'A page of row errors, in file order.' })
export class DataImportErrorConnection extends Connection(DataImportErrorType, 'DataImportError') {}

@ObjectType('DataImport', {
  description:
    'An uploaded CSV file and its import: what was detected, the mapping, and the progress of its run.',
})
export class DataImportType {
  @Field(() => ID, { description: 'What POST /api/imports answered; startDataImport takes it.' })
  id: string;

  @Field(() => ImportEntityKind, { description: 'What the rows become.' })
  entity: ImportEntityKind;

  @Field(() => String, { description: 'The name the file was uploaded with.' })
  fileName: string;

  @Field(() => Int, { description: 'The size of the file in bytes.' })
  byteSize: number;

  @Field(() => DataImportState)
  state: DataImportState;

  @Field(() => String, {
    description:
      'The text encoding the file is read in: detected on upload, or as chosen when starting.',
  })
  encoding: string;

  @Field(() => String, { description: 'The column separator: detected, or as chosen.' })
  delimiter: string;

  @Field(() => [String], { description: "The file's header row." })
  headers: string[];

  @Field(() => [[String]], { description: 'The first few data rows, to check the mapping on.' })
  sampleRows: string[][];

  @Field(() => [ColumnMappingType], {
    description:
      'Before the start, the suggested mapping (header names matched to fields, or the tenant’s saved mapping that fits the headers); after it, the mapping used.',
  })
  mapping: ColumnMappingType[];

  @Field(() => Boolean, { description: 'The run checks every row and writes nothing.' })
  dryRun: boolean;

  @Field(() => [String], { description: 'Notes on the whole file, e.g. columns not imported.' })
  warnings: string[];

  @Field(() => String, { nullable: true, description: 'Why a FAILED run stopped.' })
  failure: string | null;

  @Field(() => Int, {
    description:
      'Data rows in the file: an estimate (its line count) until a run has read it whole.',
  })
  totalRows: number;

  @Field(() => Int, { description: 'Data rows read so far (imported or refused).' })
  processedRows: number;

  @Field(() => Int, {
    description: 'Rows written (or, in a dry run, that would be), new or updated.',
  })
  importedRows: number;

  @Field(() => Int, { description: 'Rows refused, each with its errors.' })
  failedRows: number;

  @Field(() => Date, { description: 'When the file was uploaded.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the current run began.' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the current run ended.' })
  finishedAt: Date | null;
}

@ObjectType('DataImportConnection', { description: 'Imports of the tenant, newest first.' })
export class DataImportConnection extends Connection(DataImportType, 'DataImport') {}

@ObjectType('ImportMapping', { description: 'A column mapping the tenant saved for an entity.' })
export class ImportMappingType {
  @Field(() => ID, { description: 'The saved mapping.' })
  id: string;

  @Field(() => ImportEntityKind, { description: 'The entity it maps columns to.' })
  entity: ImportEntityKind;

  @Field(() => String, { description: 'Its name, unique per entity in the tenant (any case).' })
  name: string;

  @Field(() => [ColumnMappingType], {
    description: 'Which column fills which field; suggested for a file that has all its columns.',
  })
  mapping: ColumnMappingType[];

  @Field(() => Date, { description: 'When it was last saved.' })
  updatedAt: Date;
}

@InputType({ description: 'How to run an uploaded file.' })
export class StartDataImportInput {
  @Field(() => [ColumnMappingInput], {
    description: 'Which column fills which field; columns not named are not imported.',
  })
  mapping: ColumnMappingInput[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Check every row and report its errors, writing nothing. Default false.',
  })
  dryRun?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Read the file in this encoding rather than the detected one (UTF-8, UTF-16LE, UTF-16BE, windows-1252, windows-1251, KOI8-R, ISO-8859-1, ISO-8859-15, ISO-8859-5, IBM866).',
  })
  encoding?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Split columns at this character rather than the detected one (, ; tab |).',
  })
  delimiter?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Also save the mapping for this entity under this name (replacing one so named).',
  })
  saveMappingAs?: string | null;
}
