import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(
      toCsv(
        ['day', 'text'],
        [
          ['2026-12-01', 'a, "b"\nc'],
          ['2026-12-02', 3],
        ],
      ),
    ).toBe('day,text\r\n2026-12-01,"a, ""b""\nc"\r\n2026-12-02,3');
  });

  it('neutralises cells a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['x'], [['=HYPERLINK("x")'], ['@sum'], [-2]])).toBe(
      'x\r\n"\'=HYPERLINK(""x"")"\r\n\'@sum\r\n-2',
    );
  });
});
