/** A line of a byte stream, or the fact that one was too long to keep. */
export type BoundedLine = { readonly text: string } | { readonly tooLong: true };

/**
 * Lines (LF or CRLF) of a byte stream, decoded as UTF-8. A line longer than `maxBytes` is
 * dropped while it streams in, never buffered whole, and reported in its place.
 */
export async function* readBoundedLines(
  input: AsyncIterable<Buffer>,
  maxBytes: number,
): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const take = (piece: Buffer) => {
    size += piece.length;
    if (overflow) return;
    // One byte more than the limit may be the CR of a CRLF.
    if (size > maxBytes + 1) {
      overflow = true;
      parts = [];
    } else if (piece.length) parts.push(piece);
  };
  const finish = (): BoundedLine => {
    const text = overflow ? null : Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
    parts = [];
    size = 0;
    overflow = false;
    return text === null || Buffer.byteLength(text) > maxBytes ? { tooLong: true } : { text };
  };
  for await (const chunk of input) {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      take(chunk.subarray(start, newline));
      yield finish();
      start = newline + 1;
    }
    take(chunk.subarray(start));
  }
  if (size > 0) yield finish();
}
