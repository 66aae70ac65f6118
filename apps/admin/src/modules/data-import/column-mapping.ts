import type { ImportField } from './data-import.documents.js';

/** One column of the file and the field it fills ('' when it is not imported). */
export interface MappingRow {
  column: string;
  field: string;
}

/** One row per header, each with the field a mapping gives it (saved or suggested). */
export function rowsFor(
  headers: readonly string[],
  mapping: readonly { column: string; field: string }[],
): MappingRow[] {
  const fieldOf = new Map(mapping.map((entry) => [entry.column, entry.field]));
  return headers.map((column) => ({ column, field: fieldOf.get(column) ?? '' }));
}

/** The mapping as the api takes it: only the columns that are imported. */
export const toMappingInput = (rows: readonly MappingRow[]): MappingRow[] =>
  rows.filter((row) => row.field !== '').map(({ column, field }) => ({ column, field }));

/** The required fields no column fills. */
export function unmappedRequired(
  rows: readonly MappingRow[],
  fields: readonly ImportField[],
): ImportField[] {
  const mapped = new Set(rows.map((row) => row.field));
  return fields.filter((field) => field.required && !mapped.has(field.key));
}
