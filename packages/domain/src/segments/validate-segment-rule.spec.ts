import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentRuleArbitrary } from '../testing/segment-arbitraries.js';
import { validateSegmentRule } from './validate-segment-rule.js';

function issuesOf(input: unknown, limits = {}) {
  const result = validateSegmentRule(input, limits);
  return result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }));
}

describe(validateSegmentRule.name, () => {
  it('accepts a nested rule and normalises its dates', () => {
    const sut = validateSegmentRule({
      all: [
        { field: 'firstName', op: 'startsWith', value: 'an' },
        { not: { field: 'createdAt', op: 'before', value: '2024-05-01T02:00:00+02:00' } },
        { any: [{ field: 'channels', op: 'containsAny', values: ['x', 'bluesky'] }] },
      ],
    });
    expect(sut).toEqual({
      ok: true,
      rule: {
        all: [
          { field: 'firstName', op: 'startsWith', value: 'an' },
          { not: { field: 'createdAt', op: 'before', value: '2024-05-01T00:00:00.000Z' } },
          { any: [{ field: 'channels', op: 'containsAny', values: ['x', 'bluesky'] }] },
        ],
      },
    });
  });

  it('names the path of every problem', () => {
    const sut = issuesOf({
      any: [
        { field: 'shoeSize', op: 'equals', value: 42 },
        { field: 'age', op: '>=', value: 17.5 },
        { field: 'gender', op: 'contains', value: 'f' },
        { all: [{ field: 'channels', op: 'containsAll', values: ['myspace'] }], extra: 1 },
        { field: 'tags', op: 'isEmpty', value: 'x' },
        { field: 'lastInteractionAt', op: 'inLast', amount: 30, unit: 'fortnights' },
        { field: 'clv', op: 'between', from: 10, to: 1 },
        { field: 'city', op: 'equals' },
        { not: 'everyone' },
        { all: [], any: [] },
        {},
      ],
    });
    expect(sut).toEqual([
      { path: '$.any[0].field', code: 'UNKNOWN_FIELD' },
      { path: '$.any[1].value', code: 'INVALID_VALUE' },
      { path: '$.any[2].op', code: 'UNKNOWN_OPERATOR' },
      { path: '$.any[3].extra', code: 'UNKNOWN_PROPERTY' },
      { path: '$.any[3].all[0].values[0]', code: 'INVALID_VALUE' },
      { path: '$.any[4].value', code: 'UNKNOWN_PROPERTY' },
      { path: '$.any[5].unit', code: 'INVALID_VALUE' },
      { path: '$.any[6].to', code: 'INVALID_VALUE' },
      { path: '$.any[7].value', code: 'MISSING_PROPERTY' },
      { path: '$.any[8].not', code: 'INVALID_TYPE' },
      { path: '$.any[9]', code: 'AMBIGUOUS_RULE' },
      { path: '$.any[10]', code: 'MISSING_PROPERTY' },
    ]);
  });

  it('quotes property names that are not identifiers', () => {
    expect(issuesOf({ all: [], 'odd key': true })).toEqual([
      { path: '$["odd key"]', code: 'UNKNOWN_PROPERTY' },
    ]);
  });

  it('refuses impossible dates and text PostgreSQL cannot store', () => {
    expect(issuesOf({ field: 'birthDate', op: 'after', value: '2023-02-29' })).toEqual([
      { path: '$.value', code: 'INVALID_VALUE' },
    ]);
    expect(issuesOf({ field: 'email', op: 'contains', value: 'a\u0000b' })).toEqual([
      { path: '$.value', code: 'INVALID_VALUE' },
    ]);
  });

  it('limits nesting depth with a clear error', () => {
    let deep: unknown = { field: 'email', op: 'isEmpty' };
    for (let i = 0; i < 3; i++) deep = { not: deep };
    expect(issuesOf(deep, { maxDepth: 3 })).toEqual([
      { path: '$.not.not.not', code: 'MAX_DEPTH_EXCEEDED' },
    ]);
    expect(validateSegmentRule(deep, { maxDepth: 4 }).ok).toBe(true);
  });

  it('limits the number of conditions with a clear error', () => {
    const condition = { field: 'clv', op: '>', value: 1 };
    expect(issuesOf({ all: [condition, condition, condition] }, { maxConditions: 2 })).toEqual([
      { path: '$.all[2]', code: 'MAX_CONDITIONS_EXCEEDED' },
    ]);
  });

  it('survives hostile nesting without exhausting the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { all: [deep] };
    expect(issuesOf(deep)).toEqual([
      { path: `$${'.all[0]'.repeat(8)}`, code: 'MAX_DEPTH_EXCEEDED' },
    ]);
  });

  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expect(typeof validateSegmentRule(input).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any JavaScript value', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withObjectString: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
        }),
        (input) => {
          expect(typeof validateSegmentRule(input).ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on near-miss rules', () => {
    const nearMiss = fc.record(
      {
        field: fc.oneof(
          fc.constantFrom(
            'age',
            'tags',
            'createdAt',
            'gender',
            'email',
            'constructor',
            '__proto__',
          ),
          fc.jsonValue(),
        ),
        op: fc.oneof(
          fc.constantFrom('between', 'inLast', 'in', 'containsAll', 'equals', '=', 'toString'),
          fc.jsonValue(),
        ),
        value: fc.jsonValue(),
        values: fc.jsonValue(),
        from: fc.jsonValue(),
        to: fc.jsonValue(),
        amount: fc.jsonValue(),
        unit: fc.jsonValue(),
      },
      { requiredKeys: ['field', 'op'] },
    );
    fc.assert(
      fc.property(nearMiss, (input) => {
        expect(typeof validateSegmentRule({ any: [input] }).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every generated valid rule unchanged', () => {
    fc.assert(
      fc.property(segmentRuleArbitrary(), (rule) => {
        expect(validateSegmentRule(JSON.parse(JSON.stringify(rule)))).toEqual({ ok: true, rule });
      }),
    );
  });
});
