import { describe, expect, it } from 'vitest';
import { fromRule, newCondition, newGroup, operandsOf, toRule } from './rule-model.js';

const numeric = (field: string) => field === 'age' || field === 'followers';

describe('the rule builder model', () => {
  it('builds the api rule from nested groups, with numbers as numbers', () => {
    const city = Object.assign(newCondition('city', 'in'), { values: ['Lisbon', 'Porto'] });
    const age = Object.assign(newCondition('age', 'between'), { from: '18', to: '30' });
    const recent = Object.assign(newCondition('createdAt', 'inLast'), {
      amount: '2',
      unit: 'weeks',
    });
    const tags = newCondition('tags', 'isEmpty');
    const rule = toRule(
      newGroup('all', [city, newGroup('any', [age, recent]), newGroup('none', [tags])]),
      numeric,
    );
    expect(rule).toEqual({
      all: [
        { field: 'city', op: 'in', values: ['Lisbon', 'Porto'] },
        {
          any: [
            { field: 'age', op: 'between', from: 18, to: 30 },
            { field: 'createdAt', op: 'inLast', amount: 2, unit: 'weeks' },
          ],
        },
        { not: { any: [{ field: 'tags', op: 'isEmpty' }] } },
      ],
    });
  });

  it('reads a stored rule back into the same rule', () => {
    const stored = {
      any: [
        { field: 'followers', op: '>=', value: 1000 },
        { not: { field: 'gender', op: 'equals', value: 'male' } },
        { all: [] },
      ],
    };
    expect(toRule(fromRule(stored), numeric)).toEqual({
      any: [
        { field: 'followers', op: '>=', value: 1000 },
        { not: { any: [{ field: 'gender', op: 'equals', value: 'male' }] } },
        { all: [] },
      ],
    });
    // A lone condition becomes the one child of an "all" group.
    expect(toRule(fromRule({ field: 'city', op: 'isNotEmpty' }), numeric)).toEqual({
      all: [{ field: 'city', op: 'isNotEmpty' }],
    });
  });

  it('knows which inputs each operator takes', () => {
    expect(['isEmpty', 'containsAll', 'between', 'moreThanAgo', '<='].map(operandsOf)).toEqual([
      'none',
      'values',
      'range',
      'relative',
      'value',
    ]);
  });

  it('leaves an empty number for the api to refuse rather than guessing zero', () => {
    const rule = toRule(newGroup('all', [newCondition('age', '>')]), numeric) as {
      all: Array<{ value: number }>;
    };
    expect(Number.isNaN(rule.all[0]?.value)).toBe(true);
  });
});
