import type { SegmentContact } from './segment-contact.js';
import { ageInYears, instantBefore, parseInstant } from './segment-dates.js';
import { type SegmentFieldDefinition, segmentField } from './segment-fields.js';
import type {
  DateCondition,
  EnumCondition,
  NumberCondition,
  SegmentCondition,
  SegmentRule,
  SetCondition,
  TextCondition,
} from './segment-rule.js';

/**
 * Whether one contact matches a rule at `now`. The rule must have passed
 * {@link validateSegmentRule}; then this never throws, and agrees with the SQL of
 * {@link compileSegmentRule} on the same `now`: a comparison on a missing value is false, text
 * and tags compare with `toLowerCase()` as the SQL does with `lower()`. The two case foldings
 * agree on ASCII everywhere, and on letters with one-to-one case pairs (Latin, Cyrillic, Greek)
 * in a database with a UTF-8 collation; they differ on a few special mappings ('İ', final 'Σ').
 */
export function evaluateSegmentRule(
  rule: SegmentRule,
  contact: SegmentContact,
  now: Date,
): boolean {
  if ('all' in rule) return rule.all.every((child) => evaluateSegmentRule(child, contact, now));
  if ('any' in rule) return rule.any.some((child) => evaluateSegmentRule(child, contact, now));
  if ('not' in rule) return !evaluateSegmentRule(rule.not, contact, now);
  return evaluateCondition(rule, contact, now);
}

function evaluateCondition(
  condition: SegmentCondition,
  contact: SegmentContact,
  now: Date,
): boolean {
  const field = segmentField(condition.field) as SegmentFieldDefinition;
  const raw =
    field.derivedFrom === undefined ? contact[condition.field as keyof SegmentContact] : undefined;
  switch (field.kind) {
    case 'text':
      return text(condition as TextCondition, typeof raw === 'string' ? raw : undefined);
    case 'number': {
      const birth = field.derivedFrom === undefined ? undefined : instant(contact.birthDate);
      const value = birth === undefined ? raw : ageInYears(birth, now);
      return number(condition as NumberCondition, typeof value === 'number' ? value : undefined);
    }
    case 'date':
      return date(condition as DateCondition, instant(raw), now);
    case 'enum':
      return enumeration(condition as EnumCondition, typeof raw === 'string' ? raw : undefined);
    case 'set':
    case 'tags':
      return set(condition as SetCondition, Array.isArray(raw) ? raw : [], field.kind === 'tags');
  }
}

function text(condition: TextCondition, value: string | undefined): boolean {
  if (condition.op === 'isEmpty') return value === undefined || value === '';
  if (condition.op === 'isNotEmpty') return value !== undefined && value !== '';
  if (value === undefined) return false;
  const folded = value.toLowerCase();
  switch (condition.op) {
    case 'in':
      return condition.values.some((v) => v.toLowerCase() === folded);
    case 'notIn':
      return !condition.values.some((v) => v.toLowerCase() === folded);
    case 'equals':
      return folded === condition.value.toLowerCase();
    case 'notEquals':
      return folded !== condition.value.toLowerCase();
    case 'contains':
      return folded.includes(condition.value.toLowerCase());
    case 'notContains':
      return !folded.includes(condition.value.toLowerCase());
    case 'startsWith':
      return folded.startsWith(condition.value.toLowerCase());
    case 'endsWith':
      return folded.endsWith(condition.value.toLowerCase());
  }
}

function number(condition: NumberCondition, value: number | undefined): boolean {
  if (condition.op === 'isEmpty') return value === undefined;
  if (condition.op === 'isNotEmpty') return value !== undefined;
  if (value === undefined) return false;
  switch (condition.op) {
    case 'between':
      return condition.from <= value && value <= condition.to;
    case '=':
      return value === condition.value;
    case '!=':
      return value !== condition.value;
    case '<':
      return value < condition.value;
    case '<=':
      return value <= condition.value;
    case '>':
      return value > condition.value;
    case '>=':
      return value >= condition.value;
  }
}

function date(condition: DateCondition, value: number | undefined, now: Date): boolean {
  if (condition.op === 'isEmpty') return value === undefined;
  if (condition.op === 'isNotEmpty') return value !== undefined;
  if (value === undefined) return false;
  switch (condition.op) {
    case 'before':
      return value < (parseInstant(condition.value) as number);
    case 'after':
      return value > (parseInstant(condition.value) as number);
    case 'between':
      return (
        (parseInstant(condition.from) as number) <= value &&
        value <= (parseInstant(condition.to) as number)
      );
    case 'inLast':
      return (
        instantBefore(now, condition.amount, condition.unit).getTime() <= value &&
        value <= now.getTime()
      );
    case 'moreThanAgo':
      return value < instantBefore(now, condition.amount, condition.unit).getTime();
  }
}

function enumeration(condition: EnumCondition, value: string | undefined): boolean {
  if (condition.op === 'isEmpty') return value === undefined;
  if (condition.op === 'isNotEmpty') return value !== undefined;
  if (value === undefined) return false;
  switch (condition.op) {
    case 'equals':
      return value === condition.value;
    case 'notEquals':
      return value !== condition.value;
    case 'in':
      return condition.values.includes(value);
    case 'notIn':
      return !condition.values.includes(value);
  }
}

function set(condition: SetCondition, members: readonly unknown[], ignoreCase: boolean): boolean {
  const fold = (v: string) => (ignoreCase ? v.toLowerCase() : v);
  const held = new Set(members.filter((m): m is string => typeof m === 'string').map(fold));
  switch (condition.op) {
    // Like SQL cardinality(), presence counts the list's entries, not its distinct members.
    case 'isEmpty':
      return members.length === 0;
    case 'isNotEmpty':
      return members.length > 0;
    case 'containsAny':
      return condition.values.some((v) => held.has(fold(v)));
    case 'containsAll':
      return condition.values.every((v) => held.has(fold(v)));
    case 'containsNone':
      return !condition.values.some((v) => held.has(fold(v)));
  }
}

function instant(value: unknown): number | undefined {
  const time =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'string'
        ? parseInstant(value)
        : undefined;
  return time === undefined || Number.isNaN(time) ? undefined : time;
}
