import type { SegmentFieldKind, SegmentFieldNameOfKind } from './segment-fields.js';

/**
 * A dynamic segment rule: a tree of `all` / `any` / `not` groups over field conditions, as
 * JSON. `{ all: [] }` matches everyone and `{ any: [] }` no one.
 *
 * Missing values: every comparison on a missing (null or absent) value is false, and `not` of
 * it is true; only `isEmpty` matches a missing value. Set and tag fields treat a missing list as
 * empty. Text and tag comparisons ignore case.
 */
export type SegmentRule = AllRule | AnyRule | NotRule | SegmentCondition;

/** Matches when every child matches. */
export interface AllRule {
  readonly all: readonly SegmentRule[];
}

/** Matches when at least one child matches. */
export interface AnyRule {
  readonly any: readonly SegmentRule[];
}

/** Matches when its child does not. */
export interface NotRule {
  readonly not: SegmentRule;
}

/** A test of one field. */
export type SegmentCondition =
  | TextCondition
  | NumberCondition
  | DateCondition
  | EnumCondition
  | SetCondition;

/** Tests that hold when a field has no value, or has one. */
export type PresenceOperator = 'isEmpty' | 'isNotEmpty';

/** Operators of a text field that take one value. */
export type TextValueOperator =
  | 'equals'
  | 'notEquals'
  | 'contains'
  | 'notContains'
  | 'startsWith'
  | 'endsWith';

/** A case-insensitive test of a text field. `isEmpty` also matches the empty string. */
export type TextCondition<F extends string = SegmentFieldNameOfKind<'text'>> =
  | { readonly field: F; readonly op: TextValueOperator; readonly value: string }
  | { readonly field: F; readonly op: 'in' | 'notIn'; readonly values: readonly string[] }
  | { readonly field: F; readonly op: PresenceOperator };

/** Comparison operators of a number field. */
export type NumberValueOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A test of a number field; `between` includes both ends. */
export type NumberCondition<F extends string = SegmentFieldNameOfKind<'number'>> =
  | { readonly field: F; readonly op: NumberValueOperator; readonly value: number }
  | { readonly field: F; readonly op: 'between'; readonly from: number; readonly to: number }
  | { readonly field: F; readonly op: PresenceOperator };

/** Calendar units of a relative date window; months and years follow the UTC calendar. */
export type RelativeDateUnit = 'days' | 'weeks' | 'months' | 'years';

/**
 * A test of a date field. Absolute values are ISO 8601 instants (a date alone is midnight UTC):
 * `before` and `after` are strict, `between` includes both ends. Relative windows count back
 * from `now`: `inLast` is `[now − amount, now]`, `moreThanAgo` is before `now − amount`.
 */
export type DateCondition<F extends string = SegmentFieldNameOfKind<'date'>> =
  | { readonly field: F; readonly op: 'before' | 'after'; readonly value: string }
  | { readonly field: F; readonly op: 'between'; readonly from: string; readonly to: string }
  | {
      readonly field: F;
      readonly op: 'inLast' | 'moreThanAgo';
      readonly amount: number;
      readonly unit: RelativeDateUnit;
    }
  | { readonly field: F; readonly op: PresenceOperator };

/** An exact test of an enum field against catalogued values. */
export type EnumCondition<F extends string = SegmentFieldNameOfKind<'enum'>> =
  | { readonly field: F; readonly op: 'equals' | 'notEquals'; readonly value: string }
  | { readonly field: F; readonly op: 'in' | 'notIn'; readonly values: readonly string[] }
  | { readonly field: F; readonly op: PresenceOperator };

/** Operators comparing a set or tag field with a list of values. */
export type SetValueOperator = 'containsAny' | 'containsAll' | 'containsNone';

/** A test of a set field (exact catalogued members) or a tag field (free text, any case). */
export type SetCondition<F extends string = SegmentFieldNameOfKind<'set' | 'tags'>> =
  | { readonly field: F; readonly op: SetValueOperator; readonly values: readonly string[] }
  | { readonly field: F; readonly op: PresenceOperator };

/** The operators each field kind accepts. */
export const SEGMENT_OPERATORS: Readonly<Record<SegmentFieldKind, readonly string[]>> = {
  text: [
    'equals',
    'notEquals',
    'contains',
    'notContains',
    'startsWith',
    'endsWith',
    'in',
    'notIn',
    'isEmpty',
    'isNotEmpty',
  ],
  number: ['=', '!=', '<', '<=', '>', '>=', 'between', 'isEmpty', 'isNotEmpty'],
  date: ['before', 'after', 'between', 'inLast', 'moreThanAgo', 'isEmpty', 'isNotEmpty'],
  enum: ['equals', 'notEquals', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  set: ['containsAny', 'containsAll', 'containsNone', 'isEmpty', 'isNotEmpty'],
  tags: ['containsAny', 'containsAll', 'containsNone', 'isEmpty', 'isNotEmpty'],
};
