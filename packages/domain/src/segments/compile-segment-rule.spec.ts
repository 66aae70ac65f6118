import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentNowArbitrary, segmentRuleArbitrary } from '../testing/segment-arbitraries.js';
import { compileSegmentRule } from './compile-segment-rule.js';
import { SEGMENT_COLUMNS } from './segment-fields.js';
import type { SegmentCondition, SegmentRule } from './segment-rule.js';

const now = new Date('2024-02-29T10:00:00Z');

function placeholders(sql: string): number[] {
  return [...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
}

// Replaces every text value of a rule, keeping its shape.
function withText(rule: SegmentRule, text: (old: string) => string): SegmentRule {
  if ('all' in rule) return { all: rule.all.map((r) => withText(r, text)) };
  if ('any' in rule) return { any: rule.any.map((r) => withText(r, text)) };
  if ('not' in rule) return { not: withText(rule.not, text) };
  const condition = rule as SegmentCondition & { value?: unknown; values?: unknown };
  if (condition.field === 'tags' && Array.isArray(condition.values)) {
    return { ...condition, values: condition.values.map(text) } as SegmentRule;
  }
  if (!['firstName', 'lastName', 'email', 'country', 'city', 'language'].includes(condition.field))
    return rule;
  if (typeof condition.value === 'string')
    return { ...condition, value: text(condition.value) } as SegmentRule;
  if (Array.isArray(condition.values))
    return { ...condition, values: condition.values.map(text) } as SegmentRule;
  return rule;
}

describe(compileSegmentRule.name, () => {
  it('compiles a rule into one parameterised predicate', () => {
    const sut = compileSegmentRule(
      {
        all: [
          { field: 'firstName', op: 'startsWith', value: "O'Ne" },
          { not: { field: 'channels', op: 'containsAny', values: ['x'] } },
          { field: 'lastInteractionAt', op: 'inLast', amount: 30, unit: 'days' },
        ],
      },
      { now, firstParameterIndex: 3, tableAlias: 'c' },
    );
    expect(sut.sql).toBe(
      '(coalesce(starts_with(lower("c"."first_name"), lower($3::text)), false)' +
        ` AND (NOT (coalesce("c"."channels", '{}'::text[]) && $4::text[]))` +
        ' AND coalesce("c"."last_interaction_at" BETWEEN $5::timestamptz AND $6::timestamptz, false))',
    );
    expect(sut.params).toEqual([
      "O'Ne",
      ['x'],
      '2024-01-30T10:00:00.000Z',
      '2024-02-29T10:00:00.000Z',
    ]);
  });

  it('turns an age into birth-date bounds computed from now', () => {
    const sut = compileSegmentRule({ field: 'age', op: '>=', value: 18 }, { now });
    expect(sut).toEqual({
      sql: 'coalesce("birth_date" < $1::timestamptz, false)',
      params: ['2006-03-01T00:00:00.000Z'],
    });
  });

  it('compiles empty groups to constants', () => {
    expect(compileSegmentRule({ any: [{ all: [] }, { any: [] }] }, { now }).sql).toBe(
      '(TRUE OR FALSE)',
    );
  });

  it('refuses an alias that is not a plain identifier', () => {
    expect(() =>
      compileSegmentRule({ all: [] }, { now, tableAlias: 'c"; drop table x; --' }),
    ).toThrow(RangeError);
  });

  it('reads only catalogued columns', () => {
    const columns = new Set(SEGMENT_COLUMNS.map((c) => c.name));
    fc.assert(
      fc.property(segmentRuleArbitrary(), (rule) => {
        for (const [, name] of compileSegmentRule(rule, { now }).sql.matchAll(/"([^"]+)"/g)) {
          expect(columns).toContain(name);
        }
      }),
    );
  });

  it('numbers its placeholders once each from the first index, one per parameter', () => {
    fc.assert(
      fc.property(
        segmentRuleArbitrary(),
        segmentNowArbitrary,
        fc.integer({ min: 1, max: 50 }),
        (rule, at, first) => {
          const { sql, params } = compileSegmentRule(rule, { now: at, firstParameterIndex: first });
          expect(placeholders(sql)).toEqual(params.map((_, i) => first + i));
        },
      ),
    );
  });

  it('never puts a value into the SQL text', () => {
    const marker = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `\u2603${s}`);
    fc.assert(
      fc.property(segmentRuleArbitrary(), marker, (rule, value) => {
        const { sql } = compileSegmentRule(
          withText(rule, () => value),
          { now },
        );
        expect(sql).not.toContain(value);
      }),
    );
  });

  it('writes the same SQL whatever the text values are', () => {
    fc.assert(
      fc.property(segmentRuleArbitrary(), fc.string(), (rule, value) => {
        const original = compileSegmentRule(rule, { now });
        const replaced = compileSegmentRule(
          withText(rule, () => value),
          { now },
        );
        expect(replaced.sql).toBe(original.sql);
      }),
    );
  });
});
