import { ageAtLeastBound, instantBefore } from './segment-dates.js';
import { segmentField } from './segment-fields.js';
import type {
  DateCondition,
  EnumCondition,
  NumberCondition,
  PresenceOperator,
  SegmentCondition,
  SegmentRule,
  SetCondition,
  TextCondition,
} from './segment-rule.js';

/** A PostgreSQL boolean expression with `$n` placeholders and their values, in order. */
export interface CompiledSegmentPredicate {
  readonly sql: string;
  readonly params: unknown[];
}

/** How to compile a rule. */
export interface CompileSegmentRuleOptions {
  /** The instant relative dates and ages count from; the evaluator must be given the same. */
  readonly now: Date;
  /** The number of the first placeholder, to append the predicate to a query with parameters. Default 1. */
  readonly firstParameterIndex?: number;
  /** A table alias to qualify columns with: letters, digits and underscores only. */
  readonly tableAlias?: string;
}

/**
 * Compiles a validated rule into one PostgreSQL predicate over the columns of
 * {@link SEGMENT_COLUMNS}. Values only ever travel as parameters (numbers as
 * `double precision`, dates as ISO strings cast to `timestamptz`, lists as `text[]`); column
 * names come only from the catalogue. Every condition yields true or false, never NULL
 * (`coalesce(..., false)`), so `NOT` over a missing value is true as in the evaluator. Relative
 * dates and ages are computed here from `now` and passed as parameters, never from SQL `now()`.
 *
 * @throws RangeError for a bad alias or parameter index, or a rule the validator would refuse.
 */
export function compileSegmentRule(
  rule: SegmentRule,
  options: CompileSegmentRuleOptions,
): CompiledSegmentPredicate {
  const { now, firstParameterIndex = 1, tableAlias } = options;
  if (!Number.isInteger(firstParameterIndex) || firstParameterIndex < 1) {
    throw new RangeError(
      `The first parameter index must be a positive integer, got ${firstParameterIndex}`,
    );
  }
  if (tableAlias !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(tableAlias)) {
    throw new RangeError('A table alias may hold only letters, digits and underscores');
  }
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  const sut = new Compiler(now, firstParameterIndex, tableAlias);
  return { sql: sut.rule(rule), params: sut.params };
}

class Compiler {
  readonly params: unknown[] = [];

  constructor(
    private readonly now: Date,
    private readonly firstIndex: number,
    private readonly alias: string | undefined,
  ) {}

  rule(rule: SegmentRule): string {
    if ('all' in rule)
      return group(
        rule.all.map((r) => this.rule(r)),
        'AND',
        'TRUE',
      );
    if ('any' in rule)
      return group(
        rule.any.map((r) => this.rule(r)),
        'OR',
        'FALSE',
      );
    if ('not' in rule) return `(NOT ${this.rule(rule.not)})`;
    return this.condition(rule);
  }

  private condition(condition: SegmentCondition): string {
    const field = segmentField(condition.field);
    if (field === undefined) throw new RangeError(`Unknown field ${condition.field}`);
    const column =
      this.alias === undefined ? `"${field.column}"` : `"${this.alias}"."${field.column}"`;
    switch (field.kind) {
      case 'text':
        return this.text(condition as TextCondition, column);
      case 'number':
        return field.derivedFrom === undefined
          ? this.number(condition as NumberCondition, column)
          : this.age(condition as NumberCondition, column);
      case 'date':
        return this.date(condition as DateCondition, column);
      case 'enum':
        return this.enumeration(condition as EnumCondition, column);
      case 'set':
        return this.set(condition as SetCondition, column);
      case 'tags':
        return this.tags(condition as SetCondition, column);
    }
  }

  private text(condition: TextCondition, column: string): string {
    const c = `lower(${column})`;
    switch (condition.op) {
      case 'isEmpty':
        return `(${column} IS NULL OR ${column} = '')`;
      case 'isNotEmpty':
        return `(${column} IS NOT NULL AND ${column} <> '')`;
      case 'in':
        return falseIfNull(`${c} IN ${this.loweredList(condition.values)}`);
      case 'notIn':
        return falseIfNull(`${c} NOT IN ${this.loweredList(condition.values)}`);
    }
    const value = `lower(${this.param(condition.value, 'text')})`;
    switch (condition.op) {
      case 'equals':
        return falseIfNull(`${c} = ${value}`);
      case 'notEquals':
        return falseIfNull(`${c} <> ${value}`);
      case 'contains':
        return falseIfNull(`strpos(${c}, ${value}) > 0`);
      case 'notContains':
        return falseIfNull(`strpos(${c}, ${value}) = 0`);
      case 'startsWith':
        return falseIfNull(`starts_with(${c}, ${value})`);
      case 'endsWith':
        // Reversing both sides keeps the value to one placeholder.
        return falseIfNull(`starts_with(reverse(${c}), reverse(${value}))`);
    }
  }

  private number(condition: NumberCondition, column: string): string {
    switch (condition.op) {
      case 'isEmpty':
      case 'isNotEmpty':
        return nullTest(column, condition.op);
      case 'between':
        return falseIfNull(
          `${column} BETWEEN ${this.param(condition.from, 'double precision')} AND ${this.param(condition.to, 'double precision')}`,
        );
      case '=':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return falseIfNull(
          `${column} ${SQL_COMPARISON[condition.op]} ${this.param(condition.value, 'double precision')}`,
        );
    }
  }

  // Age is whole years since the birth date: age >= n exactly when birth_date < ageAtLeastBound(now, n).
  private age(condition: NumberCondition, column: string): string {
    const atLeast = (years: number) => {
      if (!Number.isInteger(years))
        throw new RangeError(`An age must be a whole number, got ${years}`);
      return `${column} < ${this.param(ageAtLeastBound(this.now, years).toISOString(), 'timestamptz')}`;
    };
    const below = (years: number) =>
      `${column} >= ${this.param(ageAtLeastBound(this.now, years).toISOString(), 'timestamptz')}`;
    switch (condition.op) {
      case 'isEmpty':
      case 'isNotEmpty':
        return nullTest(column, condition.op);
      case 'between':
        return falseIfNull(`${atLeast(condition.from)} AND ${below(condition.to + 1)}`);
      case '>=':
        return falseIfNull(atLeast(condition.value));
      case '>':
        return falseIfNull(atLeast(condition.value + 1));
      case '<':
        return falseIfNull(below(condition.value));
      case '<=':
        return falseIfNull(below(condition.value + 1));
      case '=':
        return falseIfNull(`${atLeast(condition.value)} AND ${below(condition.value + 1)}`);
      case '!=':
        return falseIfNull(`(${below(condition.value)} OR ${atLeast(condition.value + 1)})`);
    }
  }

  private date(condition: DateCondition, column: string): string {
    const at = (iso: string) => this.param(iso, 'timestamptz');
    switch (condition.op) {
      case 'isEmpty':
      case 'isNotEmpty':
        return nullTest(column, condition.op);
      case 'before':
        return falseIfNull(`${column} < ${at(condition.value)}`);
      case 'after':
        return falseIfNull(`${column} > ${at(condition.value)}`);
      case 'between':
        return falseIfNull(`${column} BETWEEN ${at(condition.from)} AND ${at(condition.to)}`);
      case 'inLast': {
        const from = instantBefore(this.now, condition.amount, condition.unit).toISOString();
        return falseIfNull(`${column} BETWEEN ${at(from)} AND ${at(this.now.toISOString())}`);
      }
      case 'moreThanAgo':
        return falseIfNull(
          `${column} < ${at(instantBefore(this.now, condition.amount, condition.unit).toISOString())}`,
        );
    }
  }

  private enumeration(condition: EnumCondition, column: string): string {
    switch (condition.op) {
      case 'isEmpty':
      case 'isNotEmpty':
        return nullTest(column, condition.op);
      case 'equals':
        return falseIfNull(`${column} = ${this.param(condition.value, 'text')}`);
      case 'notEquals':
        return falseIfNull(`${column} <> ${this.param(condition.value, 'text')}`);
      case 'in':
        return falseIfNull(`${column} = ANY (${this.param(condition.values, 'text[]')})`);
      case 'notIn':
        return falseIfNull(`${column} <> ALL (${this.param(condition.values, 'text[]')})`);
    }
  }

  private set(condition: SetCondition, column: string): string {
    const members = `coalesce(${column}, '{}'::text[])`;
    switch (condition.op) {
      case 'isEmpty':
      case 'isNotEmpty':
        return emptyListTest(column, condition.op);
      case 'containsAny':
        return `(${members} && ${this.param(condition.values, 'text[]')})`;
      case 'containsAll':
        return `(${members} @> ${this.param(condition.values, 'text[]')})`;
      case 'containsNone':
        return `(NOT (${members} && ${this.param(condition.values, 'text[]')}))`;
    }
  }

  // Tags are free text, matched ignoring case; unnest(NULL) yields no rows, so NULL is empty.
  private tags(condition: SetCondition, column: string): string {
    const held = `SELECT 1 FROM unnest(${column}) AS t(v)`;
    switch (condition.op) {
      case 'isEmpty':
      case 'isNotEmpty':
        return emptyListTest(column, condition.op);
      case 'containsAny':
      case 'containsNone': {
        const any = `EXISTS (${held} WHERE lower(t.v) IN ${this.loweredList(condition.values)})`;
        return condition.op === 'containsAny' ? `(${any})` : `(NOT ${any})`;
      }
      case 'containsAll':
        return `(NOT EXISTS (SELECT 1 FROM unnest(${this.param(condition.values, 'text[]')}) AS p(v) WHERE NOT EXISTS (${held} WHERE lower(t.v) = lower(p.v))))`;
    }
  }

  // The values as a subquery of their lower() forms, for `lower(x) IN (...)`.
  private loweredList(values: readonly string[]): string {
    return `(SELECT lower(p.v) FROM unnest(${this.param(values, 'text[]')}) AS p(v))`;
  }

  private param(value: unknown, type: string): string {
    this.params.push(Array.isArray(value) ? [...value] : value);
    return `$${this.firstIndex + this.params.length - 1}::${type}`;
  }
}

const SQL_COMPARISON = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
} as const;

function group(parts: readonly string[], joiner: 'AND' | 'OR', empty: string): string {
  return parts.length === 0 ? empty : `(${parts.join(` ${joiner} `)})`;
}

function falseIfNull(predicate: string): string {
  return `coalesce(${predicate}, false)`;
}

// Scalar columns (all but text, whose empty string is also empty) are empty exactly when NULL.
function nullTest(column: string, op: PresenceOperator): string {
  return op === 'isEmpty' ? `(${column} IS NULL)` : `(${column} IS NOT NULL)`;
}

// A NULL list counts as empty, as in the evaluator.
function emptyListTest(column: string, op: PresenceOperator): string {
  const size = `cardinality(coalesce(${column}, '{}'::text[]))`;
  return op === 'isEmpty' ? `(${size} = 0)` : `(${size} > 0)`;
}
