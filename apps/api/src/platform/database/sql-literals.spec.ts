import { describe, expect, it } from 'vitest';
import { unsignedIntegerLiteral, uuidArrayLiteral, uuidLiteral } from './sql-literals.js';

describe('SQL literals', () => {
  it('writes a UUID as a typed literal, lower-cased', () => {
    expect(uuidLiteral('0190A1B2-C3D4-7E5F-8A9B-000000000003')).toBe(
      "'0190a1b2-c3d4-7e5f-8a9b-000000000003'::uuid",
    );
  });

  it.each([
    "0190a1b2-c3d4-7e5f-8a9b-00000000000'",
    "x'; DROP TABLE mention; --",
    '0190a1b2-c3d4-7e5f-8a9b-000000000003 ',
    '',
  ])('refuses %j as a UUID', (value) => {
    expect(() => uuidLiteral(value)).toThrow('not a UUID');
  });

  it('writes a list of UUIDs as one typed array, and refuses it if any element is not one', () => {
    expect(uuidArrayLiteral([])).toBe('ARRAY[]::uuid[]');
    expect(
      uuidArrayLiteral([
        '0190a1b2-c3d4-7e5f-8a9b-000000000003',
        '0190A1B2-C3D4-7E5F-8A9B-000000000004',
      ]),
    ).toBe(
      "ARRAY['0190a1b2-c3d4-7e5f-8a9b-000000000003'::uuid, '0190a1b2-c3d4-7e5f-8a9b-000000000004'::uuid]::uuid[]",
    );
    expect(() =>
      uuidArrayLiteral(['0190a1b2-c3d4-7e5f-8a9b-000000000003', "x']::uuid[]; --"]),
    ).toThrow('not a UUID');
  });

  it('writes unsigned integers and refuses anything else', () => {
    expect(unsignedIntegerLiteral('42')).toBe('42');
    expect(unsignedIntegerLiteral(500)).toBe('500');
    for (const value of ['-1', '1.5', '1e3', '1;', '', '9999999999999999999', 0.5])
      expect(() => unsignedIntegerLiteral(value)).toThrow('not an unsigned integer');
  });
});
