import { describe, expect, it } from 'vitest';
import { SEGMENT_COLUMNS, SEGMENT_FIELDS, segmentField } from './segment-fields.js';

describe(segmentField.name, () => {
  it('finds catalogued fields and nothing inherited', () => {
    expect(segmentField('clv')?.column).toBe('clv');
    expect(segmentField('toString')).toBeUndefined();
    expect(segmentField('__proto__')).toBeUndefined();
  });

  it('backs every field with exactly one typed column', () => {
    const byName = new Map(SEGMENT_COLUMNS.map((c) => [c.name, c.type]));
    expect(byName.size).toBe(SEGMENT_COLUMNS.length);
    for (const field of Object.values(SEGMENT_FIELDS)) {
      expect(byName.get(field.column)).toBe(field.columnType);
      expect(field.column).toMatch(/^[a-z_]+$/);
    }
  });
});
