import { stringify } from 'csv-stringify/sync';

/** The UI languages an export is written for. */
export const EXPORT_LOCALES = ['es', 'en', 'ru'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

/** How a spreadsheet in a language reads CSV: its list separator and decimal mark. */
export interface CsvDialect {
  readonly delimiter: ',' | ';';
  readonly decimalMark: '.' | ',';
}

/**
 * Excel takes the list separator and the decimal mark from the system's regional settings:
 * Spanish and Russian write 1,5 and separate lists with a semicolon, English writes 1.5 and a comma.
 */
export function dialectOf(locale: ExportLocale): CsvDialect {
  return locale === 'en'
    ? { delimiter: ',', decimalMark: '.' }
    : { delimiter: ';', decimalMark: ',' };
}

/** A byte-order mark: Excel then reads the file as UTF-8 in every language. */
export const BYTE_ORDER_MARK = '\uFEFF';

/** What a column holds, which decides how its cells are written. */
export type CellKind = 'text' | 'list' | 'decimal' | 'integer' | 'timestamp' | 'date' | 'boolean';

export interface ExportColumn {
  /** The header: the field's key, as the CSV import maps it (a file exported can be re-imported). */
  readonly header: string;
  readonly kind: CellKind;
}

// OWASP "CSV injection": a cell a spreadsheet would read as a formula starts with one of these
// (the full-width forms too, which some spreadsheets normalise).
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text a spreadsheet shows as written: a cell that would start a formula gets a leading quote. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as the dialect writes it; null is an empty cell. */
export function formatCell(value: unknown, kind: CellKind, dialect: CsvDialect): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'decimal':
      return decimalText(value, dialect);
    case 'integer':
      return String(value);
    case 'boolean':
      return value === true || value === 'true' ? 'true' : 'false';
    case 'timestamp':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'list':
      return neutraliseFormula(Array.isArray(value) ? value.map(String).join(', ') : String(value));
    case 'text':
      return neutraliseFormula(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/**
 * An exact decimal (numeric text from PostgreSQL, never a float) with the dialect's mark; a
 * value that is not a plain number is written as text (neutralised).
 */
function decimalText(value: unknown, dialect: CsvDialect): string {
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return neutraliseFormula(text);
  return dialect.decimalMark === '.' ? text : text.replace('.', ',');
}

/** Rows as CSV lines (CRLF, quoted where needed) in the dialect. */
export function csvLines(
  rows: ReadonlyArray<readonly unknown[]>,
  columns: readonly ExportColumn[],
  dialect: CsvDialect,
): string {
  return stringify(
    rows.map((row) => columns.map((column, index) => formatCell(row[index], column.kind, dialect))),
    { delimiter: dialect.delimiter, record_delimiter: 'windows' },
  );
}

/** The file's start: the byte-order mark and the header line. */
export function csvHeader(columns: readonly ExportColumn[], dialect: CsvDialect): string {
  return (
    BYTE_ORDER_MARK +
    stringify([columns.map(({ header }) => header)], {
      delimiter: dialect.delimiter,
      record_delimiter: 'windows',
    })
  );
}
