import type { ImportEntity } from '../../platform/import/import-target.js';
import type { ColumnMapping } from './column-mapping.js';
import type { CsvEvent } from './csv-records.js';

/**
 * What identifies a record of each entity, as its target matches one: the first of these
 * fields a row fills. A later row of the file with the same is a duplicate.
 */
const KEY_FIELDS: Readonly<Record<ImportEntity, readonly string[]>> = {
  CONTACTS: ['externalId', 'emails'],
  COMPANIES: ['externalId', 'domain'],
  ORDERS: ['externalId'],
  ENGAGEMENT_EVENTS: ['externalId'],
  REFERRALS: ['referred'],
};

/** A key's value as the target compares it: the first of a list, emails and domains in any case. */
function keyValue(field: string, value: string): string {
  const first = field === 'emails' ? (value.split(/[;,|]/)[0] ?? '') : value;
  const trimmed = first.trim();
  return field === 'emails' || field === 'domain' ? trimmed.toLowerCase() : trimmed;
}

export interface RowProblemAt {
  readonly column: string | null;
  readonly field: string | null;
  readonly message: string;
}

/** A data row understood: the values to write, or why it cannot be. */
export interface PendingRow {
  readonly position: number;
  readonly line: number;
  readonly values?: Record<string, string>;
  readonly problems?: readonly RowProblemAt[];
}

/**
 * Reads each CSV event as a data row: a line that is not CSV is refused as is; a record's
 * mapped columns become its values (empty cells left out; one the encoding cannot decode
 * refuses the row), and a record whose key (see
 * KEY_FIELDS) an earlier row of the file had is refused as a duplicate.
 */
export function rowReader(job: {
  readonly entity: ImportEntity;
  readonly encoding: string;
  readonly headers: readonly string[];
  readonly mapping: readonly ColumnMapping[];
}): (event: CsvEvent, position: number) => PendingRow {
  const columns = job.mapping.map(({ column, field }) => ({
    column,
    field,
    index: job.headers.indexOf(column),
  }));
  const keys = KEY_FIELDS[job.entity].flatMap((key) =>
    columns.filter(({ field }) => field === key),
  );
  // Key → the line it was first seen on.
  const firstLine = new Map<string, number>();
  return (event, position) => {
    if (event.kind === 'error')
      return {
        position,
        line: event.line,
        problems: [{ column: null, field: null, message: event.message }],
      };
    const values: Record<string, string> = {};
    for (const { column, field, index } of columns) {
      const value = event.values[index];
      if (value === undefined || value === '') continue;
      // The decoder's stand-in for bytes the encoding has no character for: never kept silently.
      if (value.includes('\uFFFD'))
        return {
          position,
          line: event.line,
          problems: [
            {
              column,
              field,
              message: `is not ${job.encoding} text: choose the file's encoding when starting the import`,
            },
          ],
        };
      values[field] = value;
    }
    const key = keys.find(({ field }) => values[field]?.trim());
    if (key) {
      const value = keyValue(key.field, values[key.field] ?? '');
      const seen = firstLine.get(`${key.field}\u0000${value}`);
      if (seen !== undefined)
        return {
          position,
          line: event.line,
          problems: [
            {
              column: key.column,
              field: key.field,
              message: `"${value}" is already in the file, on line ${seen}`,
            },
          ],
        };
      firstLine.set(`${key.field}\u0000${value}`, event.line);
    }
    return { position, line: event.line, values };
  };
}

/** The file's column a target's problem is about (`emails.0` is in the column mapped to `emails`). */
export function columnFinder(mapping: readonly ColumnMapping[]): (field: string) => string | null {
  return (field) =>
    mapping.find((entry) => field === entry.field || field.startsWith(`${entry.field}.`))?.column ??
    null;
}
