import { type CsvError, Parser } from 'csv-parse';
import iconv from 'iconv-lite';
import type { ImportDelimiter, ImportEncoding } from './file-encoding.js';

/** A record of a CSV file, or a line that could not be read as one, in file order. */
export type CsvEvent =
  | { readonly kind: 'record'; readonly values: readonly string[]; readonly line: number }
  | { readonly kind: 'error'; readonly line: number; readonly message: string };

/** A file that cannot be read on past some point (an unclosed quote): what was read is kept. */
export class UnreadableCsv extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_RECORD_CHARACTERS = 4 * 1024 * 1024;

/**
 * The records of a CSV file (the header first) as its bytes stream in: decoded from
 * `encoding` (a byte-order mark dropped), split by `delimiter`, quoted values holding
 * delimiters, doubled quotes and line breaks, lines ending in LF, CRLF or CR. Nothing is relaxed
 * silently: a record with broken quoting or a column count unlike the header's becomes an
 * error naming its line, and reading goes on after it. A quote never closed (or a value over
 * 4 MiB) ends the file with `UnreadableCsv`, naming the line where it began.
 */
export async function* csvEvents(
  chunks: AsyncIterable<Buffer>,
  encoding: ImportEncoding,
  delimiter: ImportDelimiter,
): AsyncGenerator<CsvEvent> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const pending: CsvEvent[] = [];
  let columns = 0;
  // csv-parse counts a quoted CRLF as two lines; the lines after one are told back.
  let drift = 0;
  let lastErrorLine = 0;
  let lastLine = 0;
  let fatal: UnreadableCsv | undefined;
  const parser = new Parser({
    delimiter,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARACTERS,
    on_record: (record: string[], { lines }) => {
      columns ||= record.length;
      let breaks = 0;
      for (const value of record)
        if (value.includes('\n') || value.includes('\r')) {
          drift += value.match(/\r\n/g)?.length ?? 0;
          breaks += value.match(/\r\n|\r|\n/g)?.length ?? 0;
        }
      lastLine = lines - drift;
      pending.push({ kind: 'record', values: record, line: lastLine - breaks });
      return null;
    },
    on_skip: (error) => {
      if (!error) return undefined;
      if (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE') {
        fatal ??= new UnreadableCsv(
          lastLine + 1,
          `line ${lastLine + 1}: a quoted value opened here is never closed, so the rest of the file cannot be read`,
        );
        return undefined;
      }
      const line = Number(error.lines) - drift;
      // One broken record can raise several errors; it is one bad line.
      if (line !== lastErrorLine)
        pending.push({ kind: 'error', line, message: describe(error, columns) });
      lastErrorLine = line;
      lastLine = line;
      return undefined;
    },
  });
  const feed = (text: string) =>
    new Promise<void>((resolve, reject) =>
      parser.write(text, (error) => (error ? reject(error) : resolve())),
    );
  for await (const chunk of chunks) {
    await feed(decoder.write(chunk));
    yield* pending.splice(0);
    if (fatal) throw fatal;
  }
  const rest = decoder.end();
  if (rest) await feed(rest);
  await new Promise<void>((resolve, reject) => {
    parser.once('error', reject);
    parser.end(resolve);
    parser.resume();
  });
  yield* pending.splice(0);
  if (fatal) throw fatal;
}

function describe(error: CsvError, columns: number): string {
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'broken quoting: a quote inside a quoted value must be doubled ("")';
    case 'INVALID_OPENING_QUOTE':
      return 'broken quoting: a value holding a quote must be quoted whole, its quotes doubled';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return `has ${Array.isArray(error.record) ? error.record.length : 'another number of'} columns where the header has ${columns}`;
    default:
      return 'cannot be read as CSV';
  }
}
