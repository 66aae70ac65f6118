/** One cell as RFC 4180 wants it: quoted when it holds a comma, quote or line break. */
function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be run as a formula by spreadsheets: neutralise it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A table as CSV text: a header line, then one line per row, CRLF-separated (RFC 4180). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}

/** Saves text or a data URL as a file the browser downloads. */
export function download(filename: string, content: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark so spreadsheets read the CSV as UTF-8 (accents, Cyrillic).
  const href = content.startsWith('data:')
    ? content
    : URL.createObjectURL(new Blob(['\uFEFF', content], { type }));
  const link = Object.assign(document.createElement('a'), { href, download: filename });
  link.click();
  if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(href), 0);
}
