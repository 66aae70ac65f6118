import { describe, expect, it } from 'vitest';
import {
  csvHeader,
  csvLines,
  dialectOf,
  type ExportColumn,
  formatCell,
  neutraliseFormula,
} from './csv-format.js';

const COLUMNS: ExportColumn[] = [
  { header: 'name', kind: 'text' },
  { header: 'amount', kind: 'decimal' },
  { header: 'at', kind: 'timestamp' },
];

describe('CSV for spreadsheets', () => {
  it('neutralises every cell a spreadsheet would read as a formula, and only those', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\uFF1D1'])
      expect(neutraliseFormula(formula)).toBe(`'${formula}`);
    for (const plain of ['Ann', '1-1', 'a=b', '', "'quoted"])
      expect(neutraliseFormula(plain)).toBe(plain);
  });

  it('writes decimals with the decimal mark of the language, exactly, and numbers are not neutralised', () => {
    expect(formatCell('-1234.5600', 'decimal', dialectOf('es'))).toBe('-1234,5600');
    expect(formatCell('-1234.5600', 'decimal', dialectOf('ru'))).toBe('-1234,5600');
    expect(formatCell('-1234.5600', 'decimal', dialectOf('en'))).toBe('-1234.5600');
    expect(formatCell('=HYPERLINK()', 'decimal', dialectOf('en'))).toBe("'=HYPERLINK()");
  });

  it('writes dates in ISO 8601 and lists as one neutralised cell', () => {
    const en = dialectOf('en');
    expect(formatCell(new Date('2026-01-05T10:00:00Z'), 'timestamp', en)).toBe(
      '2026-01-05T10:00:00.000Z',
    );
    expect(formatCell('2026-01-05', 'date', en)).toBe('2026-01-05');
    expect(formatCell(['-vip', 'b'], 'list', en)).toBe("'-vip, b");
    expect(formatCell(null, 'text', en)).toBe('');
  });

  it('separates with a semicolon for es and ru, a comma for en, quotes what needs it, ends lines with CRLF', () => {
    const at = new Date('2026-01-05T10:00:00Z');
    expect(csvLines([['Ann; "A"', '1.5', at]], COLUMNS, dialectOf('es'))).toBe(
      '"Ann; ""A""";1,5;2026-01-05T10:00:00.000Z\r\n',
    );
    expect(csvLines([['Ann, A', '1.5', at]], COLUMNS, dialectOf('en'))).toBe(
      '"Ann, A",1.5,2026-01-05T10:00:00.000Z\r\n',
    );
    expect(csvHeader(COLUMNS, dialectOf('ru'))).toBe('\uFEFFname;amount;at\r\n');
  });
});
