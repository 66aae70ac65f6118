import { IMPORT_DELIMITERS, type IMPORT_ENCODINGS } from '@socialcrm/validation';
import chardet from 'chardet';

export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

const BOMS: ReadonlyArray<readonly [ImportEncoding, readonly number[]]> = [
  ['UTF-8', [0xef, 0xbb, 0xbf]],
  ['UTF-16LE', [0xff, 0xfe]],
  ['UTF-16BE', [0xfe, 0xff]],
];

/** chardet's Latin answers, read as the superset Excel actually writes in Western Europe. */
const LATIN: Readonly<Record<string, ImportEncoding>> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-15': 'ISO-8859-15',
};

/**
 * The encoding of a file from its first bytes: a byte-order mark first; else UTF-8 if the bytes
 * are valid UTF-8; else a legacy single-byte encoding. Russian text is recognised by its runs
 * of high bytes (every letter of a Cyrillic word is one), then windows-1251 and KOI8-R are told
 * apart by where their lowercase letters lie (which short samples leave chardet unsure of);
 * anything else goes by chardet, Western European (windows-1252) when it has no better idea.
 */
export function detectEncoding(prefix: Buffer): ImportEncoding {
  for (const [encoding, mark] of BOMS)
    if (mark.every((byte, index) => prefix[index] === byte)) return encoding;
  if (isUtf8(prefix)) return 'UTF-8';
  const cyrillic = cyrillicEncoding(prefix);
  if (cyrillic) return cyrillic;
  for (const { name } of chardet.analyse(prefix)) {
    const latin = LATIN[name];
    if (latin) return latin;
  }
  return 'windows-1252';
}

/** Valid UTF-8, allowing a character cut at the end of the prefix. */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function cyrillicEncoding(bytes: Buffer): ImportEncoding | null {
  let high = 0;
  let inRuns = 0;
  let lower1251 = 0;
  let lowerKoi8 = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    if (byte < 0xc0) continue;
    high += 1;
    if ((bytes[index - 1] ?? 0) >= 0xc0 || (bytes[index + 1] ?? 0) >= 0xc0) inRuns += 1;
    if (byte >= 0xe0) lower1251 += 1;
    else lowerKoi8 += 1;
  }
  // Accented Latin letters stand alone among ASCII ones; Cyrillic words are all high bytes.
  if (high < 4 || inRuns / high < 0.6) return null;
  return lower1251 >= lowerKoi8 ? 'windows-1251' : 'KOI8-R';
}

/**
 * The column separator of a CSV text: among comma, semicolon, tab and bar, the one found
 * (outside quotes) on the most of the first lines, then the most often; a comma when none is.
 */
export function detectDelimiter(text: string, lines = 20): ImportDelimiter {
  const counts = new Map<ImportDelimiter, number[]>(IMPORT_DELIMITERS.map((d) => [d, [0]]));
  let quoted = false;
  let line = 0;
  for (let index = 0; index < text.length && line < lines; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') {
      line += 1;
      for (const perLine of counts.values()) perLine.push(0);
    } else if (!quoted) {
      const perLine = counts.get(char as ImportDelimiter);
      if (perLine) perLine[perLine.length - 1] = (perLine.at(-1) ?? 0) + 1;
    }
  }
  const score = (perLine: number[]) => {
    const considered = perLine.length > 1 && perLine.at(-1) === 0 ? perLine.slice(0, -1) : perLine;
    return {
      lines: considered.filter((count) => count > 0).length,
      total: considered.reduce((sum, count) => sum + count, 0),
    };
  };
  let best: ImportDelimiter = ',';
  let bestScore = { lines: 0, total: 0 };
  for (const [delimiter, perLine] of counts) {
    const candidate = score(perLine);
    if (
      candidate.lines > bestScore.lines ||
      (candidate.lines === bestScore.lines && candidate.total > bestScore.total)
    ) {
      best = delimiter;
      bestScore = candidate;
    }
  }
  return best;
}
