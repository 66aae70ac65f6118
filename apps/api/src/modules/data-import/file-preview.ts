import iconv from 'iconv-lite';
import { csvEvents, UnreadableCsv } from './csv-records.js';
import {
  detectDelimiter,
  detectEncoding,
  type ImportDelimiter,
  type ImportEncoding,
} from './file-encoding.js';

/** How much of a file is looked at to detect how it is written. */
export const PREVIEW_BYTES = 64 * 1024;
const SAMPLE_ROWS = 5;

export interface FilePreview {
  readonly encoding: ImportEncoding;
  readonly delimiter: ImportDelimiter;
  readonly headers: string[];
  readonly sampleRows: string[][];
}

/**
 * How a file is written, from its first bytes: encoding and delimiter (detected unless given),
 * the header row and the first data rows. `whole` says the prefix is the whole file; otherwise
 * a last row cut by the prefix's end is left out.
 */
export async function previewFile(
  prefix: Buffer,
  whole: boolean,
  chosen: { encoding?: ImportEncoding | null; delimiter?: ImportDelimiter | null } = {},
): Promise<FilePreview> {
  const encoding = chosen.encoding ?? detectEncoding(prefix);
  const delimiter = chosen.delimiter ?? detectDelimiter(iconv.decode(prefix, encoding));
  const records: string[][] = [];
  let complete = whole;
  try {
    for await (const event of csvEvents(once(prefix), encoding, delimiter)) {
      if (event.kind === 'record') records.push([...event.values]);
      if (records.length > SAMPLE_ROWS + 1) {
        complete = true;
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof UnreadableCsv)) throw error;
  }
  const rows = complete ? records : records.slice(0, -1);
  const [headers = [], ...sampleRows] = rows;
  return { encoding, delimiter, headers, sampleRows: sampleRows.slice(0, SAMPLE_ROWS) };
}

async function* once(bytes: Buffer) {
  yield bytes;
}
