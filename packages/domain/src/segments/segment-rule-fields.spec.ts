import { describe, expect, it } from 'vitest';
import { segmentRuleFields } from './segment-rule-fields.js';

describe('segmentRuleFields', () => {
  it('collects every field a nested rule tests, once', () => {
    const fields = segmentRuleFields({
      all: [
        { field: 'country', op: 'in', values: ['ES'] },
        {
          any: [
            { field: 'rfmRecency', op: '>=', value: 4 },
            { not: { field: 'clv', op: '<', value: 100 } },
            { field: 'country', op: 'isEmpty' },
          ],
        },
      ],
    });
    expect([...fields].sort()).toEqual(['clv', 'country', 'rfmRecency']);
  });

  it('finds no field in a rule that matches everyone', () => {
    expect(segmentRuleFields({ all: [] }).size).toBe(0);
  });
});
