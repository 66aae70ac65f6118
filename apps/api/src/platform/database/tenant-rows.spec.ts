import { describe, expect, it } from 'vitest';
import { groupByTenant } from './tenant-rows.js';

describe('groupByTenant', () => {
  it('gives every listed tenant its rows in order, and an empty list to one without rows', () => {
    const grouped = groupByTenant(
      ['a', 'b', 'c'],
      [
        { tenantId: 'b', n: 1 },
        { tenantId: 'a', n: 2 },
        { tenantId: 'b', n: 3 },
      ],
    );
    expect([...grouped]).toEqual([
      ['a', [{ n: 2 }]],
      ['b', [{ n: 1 }, { n: 3 }]],
      ['c', []],
    ]);
  });

  it('refuses a row of a tenant it was not asked for', () => {
    expect(() => groupByTenant(['a'], [{ tenantId: 'z' }])).toThrow(/outside its scope/);
  });
});
