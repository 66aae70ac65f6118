import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding } from './file-encoding.js';

const RUSSIAN = 'Имя;Фамилия;Город\nИван;Петров;Москва\nМария;Сидорова;Санкт-Петербург\n';
const SPANISH = 'Nombre;Apellido;Ciudad\nJosé;Muñoz;Málaga\nMaría;Peña;Córdoba\n';

describe(detectEncoding.name, () => {
  it('trusts a byte-order mark first', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('UTF-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toBe('UTF-16LE');
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x61]))).toBe('UTF-16BE');
  });

  it('reads valid UTF-8 as UTF-8, even with a character cut at the end of the prefix', () => {
    const bytes = Buffer.from(RUSSIAN, 'utf8');
    expect(detectEncoding(bytes)).toBe('UTF-8');
    expect(detectEncoding(bytes.subarray(0, 3))).toBe('UTF-8');
  });

  it('tells the legacy encodings Excel writes for Russian and Spanish apart', () => {
    expect(detectEncoding(iconv.encode(RUSSIAN, 'windows-1251'))).toBe('windows-1251');
    expect(detectEncoding(iconv.encode(RUSSIAN, 'koi8-r'))).toBe('KOI8-R');
    expect(detectEncoding(iconv.encode(SPANISH, 'windows-1252'))).toBe('windows-1252');
  });
});

describe(detectDelimiter.name, () => {
  it('picks the separator found on the most lines, ignoring quoted ones', () => {
    expect(detectDelimiter('a,b;c\n"x;y;z",2\n3,4\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('just one column\nno separator\n')).toBe(',');
  });
});
