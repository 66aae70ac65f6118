import type { Operation } from '../database/operation-scope.js';

/** The kinds of records a tenant imports in bulk (CSV files, NDJSON streams). */
export type ImportEntity = 'CONTACTS' | 'COMPANIES' | 'ORDERS' | 'ENGAGEMENT_EVENTS' | 'REFERRALS';

/** A field a source column can be mapped to. Custom fields appear as `custom.<key>`. */
export interface ImportField {
  readonly key: string;
  readonly label: string;
  readonly required: boolean;
  readonly type:
    | 'TEXT'
    | 'NUMBER'
    | 'DECIMAL'
    | 'DATE'
    | 'DATETIME'
    | 'BOOLEAN'
    | 'LIST'
    | 'ONE_OF';
}

/** What is wrong with one row: the field (or source column) it is about, and why. */
export interface RowProblem {
  readonly field: string;
  readonly message: string;
}

/** What became of one row: written (or, in a dry run, would be), or refused with its problems. */
export type RowOutcome =
  | { readonly ok: true; readonly id: string; readonly created: boolean }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

/** Who or what writes the rows, for the timeline's "caused by". */
export type ImportCause = 'IMPORT' | 'API_KEY' | 'USER';

/**
 * What an entity offers the CSV import and the NDJSON bulk endpoints. One bad row never fails
 * the others; writing the same rows again changes nothing (idempotent by external id, or by
 * email for contacts).
 */
export interface ImportTarget {
  readonly entity: ImportEntity;
  /** The fields a column can be mapped to, the tenant's custom fields included. */
  fields(op: Operation): Promise<readonly ImportField[]>;
  /**
   * Checks and (unless `dryRun`) writes a batch, inside the caller's transaction. Values are
   * what the source holds: text from CSV, JSON values from NDJSON. Answers one outcome per
   * row, in order.
   */
  writeBatch(
    op: Operation,
    rows: readonly Readonly<Record<string, unknown>>[],
    options: { readonly dryRun: boolean; readonly cause: ImportCause },
  ): Promise<RowOutcome[]>;
}
