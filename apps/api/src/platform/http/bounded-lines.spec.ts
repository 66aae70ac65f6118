import { describe, expect, it } from 'vitest';
import { readBoundedLines } from './bounded-lines.js';

async function linesOf(chunks: Iterable<string | Buffer>, maxBytes: number) {
  const lines = [];
  async function* input() {
    for (const chunk of chunks) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
  }
  for await (const line of readBoundedLines(input(), maxBytes)) lines.push(line);
  return lines;
}

describe(readBoundedLines.name, () => {
  it('splits LF and CRLF lines across chunks, a multi-byte character split too', async () => {
    const cafe = Buffer.from('café\n');
    expect(
      await linesOf(['a\r', '\nb', 'c\n', cafe.subarray(0, 4), cafe.subarray(4), 'last'], 10),
    ).toEqual([{ text: 'a' }, { text: 'bc' }, { text: 'café' }, { text: 'last' }]);
  });

  it('reports a line over the limit in its place, counting bytes, and keeps the next', async () => {
    expect(await linesOf(['12345\n', '123456\n', 'éé\n', 'ééé\n', 'ok'], 5)).toEqual([
      { text: '12345' },
      { tooLong: true },
      { text: 'éé' },
      { tooLong: true },
      { text: 'ok' },
    ]);
  });

  it('drops a 50 MB line and reads on after it', async () => {
    let fed = 0;
    async function* endless() {
      while (fed < 50_000_000) {
        fed += 65_536;
        yield Buffer.alloc(65_536, 120);
      }
      yield Buffer.from('\n{"next":1}\n');
    }
    const lines = [];
    for await (const line of readBoundedLines(endless(), 1024)) lines.push(line);
    expect(lines).toEqual([{ tooLong: true }, { text: '{"next":1}' }]);
  });
});
