import { parseInstant } from './segment-dates.js';
import { type SegmentFieldDefinition, segmentField } from './segment-fields.js';
import { SEGMENT_OPERATORS, type SegmentCondition, type SegmentRule } from './segment-rule.js';

/** Why a rule was refused; doubles as a message key. */
export type SegmentRuleIssueCode =
  | 'INVALID_TYPE'
  | 'MISSING_PROPERTY'
  | 'UNKNOWN_PROPERTY'
  | 'AMBIGUOUS_RULE'
  | 'UNKNOWN_FIELD'
  | 'UNKNOWN_OPERATOR'
  | 'INVALID_VALUE'
  | 'MAX_DEPTH_EXCEEDED'
  | 'MAX_CONDITIONS_EXCEEDED';

/** One problem of a rule, at a JSON path such as `$.all[2].value`. */
export interface SegmentRuleIssue {
  readonly path: string;
  readonly code: SegmentRuleIssueCode;
  readonly message: string;
}

/** The outcome of validation: the rule, normalised (dates as canonical ISO strings), or its problems. */
export type SegmentRuleValidation =
  | { readonly ok: true; readonly rule: SegmentRule }
  | { readonly ok: false; readonly issues: readonly SegmentRuleIssue[] };

/** Limits on the size of a rule. */
export interface SegmentRuleLimits {
  /** Levels of nesting; a lone condition has depth 1, a condition inside one group depth 2. */
  readonly maxDepth: number;
  /** Conditions in the whole rule. */
  readonly maxConditions: number;
  /** Values in one `in`, `notIn` or set list. */
  readonly maxListLength: number;
  /** Characters in one text value. */
  readonly maxTextLength: number;
}

/** The default limits. */
export const SEGMENT_RULE_LIMITS: SegmentRuleLimits = {
  maxDepth: 8,
  maxConditions: 100,
  maxListLength: 1000,
  maxTextLength: 1000,
};

// Relative windows stay within a few centuries, so every bound is a valid PostgreSQL timestamp.
const MAX_RELATIVE_AMOUNT = { days: 36_600, weeks: 5_200, months: 1_200, years: 100 } as const;

const GROUP_KEYS = ['all', 'any', 'not', 'field'] as const;

type Operands = 'value' | 'values' | 'range' | 'relative' | 'none';

// Which operands each operator takes, whatever the field kind.
const OPERANDS: Readonly<Record<string, Operands>> = {
  isEmpty: 'none',
  isNotEmpty: 'none',
  in: 'values',
  notIn: 'values',
  containsAny: 'values',
  containsAll: 'values',
  containsNone: 'values',
  between: 'range',
  inLast: 'relative',
  moreThanAgo: 'relative',
};

const OPERAND_KEYS: Readonly<Record<Operands, readonly string[]>> = {
  value: ['value'],
  values: ['values'],
  range: ['from', 'to'],
  relative: ['amount', 'unit'],
  none: [],
};

/**
 * Checks any JSON (or any JavaScript value) against the segment rule language and the field
 * catalogue, naming the JSON path of every problem. It never throws, and it stops descending
 * past the depth limit, so hostile input cannot exhaust the stack.
 */
export function validateSegmentRule(
  input: unknown,
  limits: Partial<SegmentRuleLimits> = {},
): SegmentRuleValidation {
  const sut = new Validator({ ...SEGMENT_RULE_LIMITS, ...limits });
  const rule = sut.rule(input, '$', 1);
  return sut.issues.length === 0 && rule !== undefined
    ? { ok: true, rule }
    : { ok: false, issues: sut.issues };
}

class Validator {
  readonly issues: SegmentRuleIssue[] = [];
  private conditions = 0;

  constructor(private readonly limits: SegmentRuleLimits) {}

  rule(input: unknown, path: string, depth: number): SegmentRule | undefined {
    if (!isPlainObject(input)) return this.fail(path, 'INVALID_TYPE', 'Expected a rule object.');
    if (depth > this.limits.maxDepth) {
      return this.fail(
        path,
        'MAX_DEPTH_EXCEEDED',
        `Rules may nest at most ${this.limits.maxDepth} levels deep.`,
      );
    }
    const kinds = GROUP_KEYS.filter((key) => Object.hasOwn(input, key));
    const [kind] = kinds;
    if (kind === undefined) {
      return this.fail(path, 'MISSING_PROPERTY', 'Expected one of all, any, not or field.');
    }
    if (kinds.length > 1) {
      return this.fail(
        path,
        'AMBIGUOUS_RULE',
        `A rule has one of ${kinds.join(', ')}, not several.`,
      );
    }
    if (kind === 'field') return this.condition(input, path);
    this.onlyKeys(input, path, [kind]);
    if (kind === 'not') {
      const inner = this.rule(input.not, `${path}.not`, depth + 1);
      return inner && { not: inner };
    }
    const children = input[kind];
    if (!Array.isArray(children)) {
      return this.fail(`${path}.${kind}`, 'INVALID_TYPE', 'Expected an array of rules.');
    }
    const rules = children.map((child, i) => this.rule(child, `${path}.${kind}[${i}]`, depth + 1));
    if (!rules.every((r) => r !== undefined)) return undefined;
    return kind === 'all' ? { all: rules } : { any: rules };
  }

  private condition(input: Record<string, unknown>, path: string): SegmentRule | undefined {
    this.conditions += 1;
    if (this.conditions === this.limits.maxConditions + 1) {
      this.fail(
        path,
        'MAX_CONDITIONS_EXCEEDED',
        `A rule may hold at most ${this.limits.maxConditions} conditions.`,
      );
    }
    const { field: name, op } = input;
    const field = typeof name === 'string' ? segmentField(name) : undefined;
    if (field === undefined) {
      return this.fail(`${path}.field`, 'UNKNOWN_FIELD', `Unknown field ${quote(name)}.`);
    }
    if (typeof op !== 'string' || !SEGMENT_OPERATORS[field.kind].includes(op)) {
      const allowed = SEGMENT_OPERATORS[field.kind].join(', ');
      return this.fail(
        `${path}.op`,
        'UNKNOWN_OPERATOR',
        `Operator of ${name} must be one of ${allowed}.`,
      );
    }
    const operands = OPERANDS[op] ?? 'value';
    const keys = OPERAND_KEYS[operands];
    const known = this.onlyKeys(input, path, ['field', 'op', ...keys]);
    const present = keys.every((key) => {
      if (Object.hasOwn(input, key)) return true;
      this.fail(`${path}.${key}`, 'MISSING_PROPERTY', `Operator ${op} needs ${key}.`);
      return false;
    });
    if (!known || !present) return undefined;
    const operandsValue = this.operands(field, op, operands, input, path);
    return operandsValue && ({ field: name, op, ...operandsValue } as SegmentCondition);
  }

  private operands(
    field: SegmentFieldDefinition,
    op: string,
    operands: Operands,
    input: Record<string, unknown>,
    path: string,
  ): Record<string, unknown> | undefined {
    switch (operands) {
      case 'none':
        return {};
      case 'value': {
        const value = this.scalar(field, input.value, `${path}.value`);
        return value === undefined ? undefined : { value };
      }
      case 'values':
        return this.list(field, input.values, `${path}.values`);
      case 'range': {
        const from = this.scalar(field, input.from, `${path}.from`);
        const to = this.scalar(field, input.to, `${path}.to`);
        if (from === undefined || to === undefined) return undefined;
        const [low, high] =
          field.kind === 'date' ? [parseInstant(`${from}`), parseInstant(`${to}`)] : [from, to];
        if ((low as number) > (high as number)) {
          return this.fail(
            `${path}.to`,
            'INVALID_VALUE',
            'The end of a range must not precede its start.',
          );
        }
        return { from, to };
      }
      case 'relative':
        return this.relative(input, path, op);
    }
  }

  private scalar(
    field: SegmentFieldDefinition,
    value: unknown,
    path: string,
  ): string | number | undefined {
    switch (field.kind) {
      case 'number':
        return this.number(field, value, path);
      case 'date': {
        const time = typeof value === 'string' ? parseInstant(value) : undefined;
        if (time === undefined) {
          return this.fail(
            path,
            'INVALID_VALUE',
            'Expected an ISO 8601 date such as 2024-05-01 or 2024-05-01T10:00:00Z.',
          );
        }
        return new Date(time).toISOString();
      }
      case 'enum':
        return this.member(field, value, path);
      default:
        return this.text(value, path);
    }
  }

  private number(field: SegmentFieldDefinition, value: unknown, path: string): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.fail(path, 'INVALID_VALUE', 'Expected a finite number.');
    }
    if (field.integer === true && !Number.isInteger(value)) {
      return this.fail(path, 'INVALID_VALUE', 'Expected a whole number.');
    }
    if (
      (field.min !== undefined && value < field.min) ||
      (field.max !== undefined && value > field.max)
    ) {
      return this.fail(
        path,
        'INVALID_VALUE',
        `Expected a number within ${field.min}..${field.max}.`,
      );
    }
    // -0 would print as 0 anyway; normalising keeps the rule's JSON and its SQL parameter alike.
    return value === 0 ? 0 : value;
  }

  private text(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string') return this.fail(path, 'INVALID_VALUE', 'Expected a string.');
    if (value.length > this.limits.maxTextLength) {
      return this.fail(
        path,
        'INVALID_VALUE',
        `Text may be at most ${this.limits.maxTextLength} characters.`,
      );
    }
    // PostgreSQL text cannot hold NUL or unpaired surrogates, so such a value could never match.
    if (/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
      return this.fail(path, 'INVALID_VALUE', 'Text must be valid Unicode without NUL characters.');
    }
    return value;
  }

  private member(field: SegmentFieldDefinition, value: unknown, path: string): string | undefined {
    if (typeof value !== 'string' || !field.values?.includes(value)) {
      return this.fail(path, 'INVALID_VALUE', `Expected one of ${field.values?.join(', ')}.`);
    }
    return value;
  }

  private list(
    field: SegmentFieldDefinition,
    value: unknown,
    path: string,
  ): { values: string[] } | undefined {
    if (!Array.isArray(value) || value.length === 0 || value.length > this.limits.maxListLength) {
      return this.fail(
        path,
        'INVALID_VALUE',
        `Expected an array of 1..${this.limits.maxListLength} values.`,
      );
    }
    const enumerated = field.kind === 'set' || field.kind === 'enum';
    const values = value.map((item, i) =>
      enumerated ? this.member(field, item, `${path}[${i}]`) : this.text(item, `${path}[${i}]`),
    );
    return values.every((v) => v !== undefined) ? { values } : undefined;
  }

  private relative(input: Record<string, unknown>, path: string, op: string) {
    const { amount, unit } = input;
    if (typeof unit !== 'string' || !Object.hasOwn(MAX_RELATIVE_AMOUNT, unit)) {
      return this.fail(`${path}.unit`, 'INVALID_VALUE', 'Expected days, weeks, months or years.');
    }
    const max = MAX_RELATIVE_AMOUNT[unit as keyof typeof MAX_RELATIVE_AMOUNT];
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > max) {
      return this.fail(
        `${path}.amount`,
        'INVALID_VALUE',
        `Expected a whole number of ${unit} within 0..${max} for ${op}.`,
      );
    }
    return { amount: amount === 0 ? 0 : amount, unit };
  }

  private onlyKeys(
    input: Record<string, unknown>,
    path: string,
    allowed: readonly string[],
  ): boolean {
    const unknown = Object.keys(input).filter((key) => !allowed.includes(key));
    for (const key of unknown) {
      this.fail(pathOf(path, key), 'UNKNOWN_PROPERTY', `Unexpected property ${quote(key)}.`);
    }
    return unknown.length === 0;
  }

  private fail(path: string, code: SegmentRuleIssueCode, message: string): undefined {
    this.issues.push({ path, code, message });
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function pathOf(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function quote(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value;
}
