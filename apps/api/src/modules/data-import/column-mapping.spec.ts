import { describe, expect, it } from 'vitest';
import type { ImportField } from '../../platform/import/import-target.js';
import { suggestMapping } from './column-mapping.js';

const FIELDS: ImportField[] = [
  { key: 'externalId', label: 'Order id', required: true, type: 'TEXT' },
  { key: 'contactEmail', label: 'Customer email', required: false, type: 'TEXT' },
  { key: 'amount', label: 'Amount', required: true, type: 'DECIMAL' },
];

describe(suggestMapping.name, () => {
  it("matches headers to fields' keys or labels, whatever their case, accents or punctuation", () => {
    expect(suggestMapping(['ORDER-ID', 'customer_email', 'Amóunt', 'Note'], FIELDS, [])).toEqual([
      { column: 'ORDER-ID', field: 'externalId' },
      { column: 'customer_email', field: 'contactEmail' },
      { column: 'Amóunt', field: 'amount' },
    ]);
  });

  it('prefers the most recent saved mapping whose columns the file has', () => {
    const saved = [
      { mapping: [{ column: 'Missing', field: 'amount' }] },
      { mapping: [{ column: 'Total', field: 'amount' }] },
    ];
    expect(suggestMapping(['Total', 'Amount'], FIELDS, saved)).toEqual([
      { column: 'Total', field: 'amount' },
    ]);
  });

  it('maps a field once, from the first header that names it', () => {
    expect(suggestMapping(['amount', 'Amount'], FIELDS, [])).toEqual([
      { column: 'amount', field: 'amount' },
    ]);
  });
});
