/**
 * The rule builder's editable tree and its conversion to and from the api's rule JSON (the
 * domain's rule language). Inputs are kept as text while editing; numbers are converted when
 * the rule is built, and the api's validator has the last word.
 */

/** How a group combines its children: every one, any one, or none of them. */
export type GroupMode = 'all' | 'any' | 'none';

export interface RuleGroup {
  readonly type: 'group';
  readonly key: number;
  mode: GroupMode;
  children: RuleNode[];
}

export interface RuleCondition {
  readonly type: 'condition';
  readonly key: number;
  field: string;
  op: string;
  value: string;
  values: string[];
  from: string;
  to: string;
  amount: string;
  unit: string;
}

export type RuleNode = RuleGroup | RuleCondition;

/** What an operator takes besides the field. */
export type Operands = 'none' | 'value' | 'values' | 'range' | 'relative';

const LIST_OPS = new Set(['in', 'notIn', 'containsAny', 'containsAll', 'containsNone']);

export function operandsOf(op: string): Operands {
  if (op === 'isEmpty' || op === 'isNotEmpty') return 'none';
  if (LIST_OPS.has(op)) return 'values';
  if (op === 'between') return 'range';
  if (op === 'inLast' || op === 'moreThanAgo') return 'relative';
  return 'value';
}

export const RELATIVE_UNITS = ['days', 'weeks', 'months', 'years'] as const;

let nextKey = 0;
const key = () => ++nextKey;

export function newGroup(mode: GroupMode = 'all', children: RuleNode[] = []): RuleGroup {
  return { type: 'group', key: key(), mode, children };
}

export function newCondition(field: string, op: string): RuleCondition {
  return {
    type: 'condition',
    key: key(),
    field,
    op,
    value: '',
    values: [],
    from: '',
    to: '',
    amount: '30',
    unit: 'days',
  };
}

type Json = Record<string, unknown>;

/** The api's rule for a tree; `numeric` tells which fields take numbers. */
export function toRule(node: RuleNode, numeric: (field: string) => boolean): Json {
  if (node.type === 'group') {
    const children = node.children.map((child) => toRule(child, numeric));
    if (node.mode === 'none') return { not: { any: children } };
    return { [node.mode]: children };
  }
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const scalar = (text: string) => (numeric(node.field) ? number(text) : text);
  const base = { field: node.field, op: node.op };
  switch (operandsOf(node.op)) {
    case 'none':
      return base;
    case 'values':
      return { ...base, values: node.values };
    case 'range':
      return { ...base, from: scalar(node.from), to: scalar(node.to) };
    case 'relative':
      return { ...base, amount: number(node.amount), unit: node.unit };
    default:
      return { ...base, value: scalar(node.value) };
  }
}

/** The editable tree of a stored rule; the root is always a group. */
export function fromRule(rule: unknown): RuleGroup {
  const node = nodeOf(rule);
  return node.type === 'group' ? node : newGroup('all', [node]);
}

function nodeOf(rule: unknown): RuleNode {
  const json = (rule ?? {}) as Json;
  if (Array.isArray(json.all)) return newGroup('all', json.all.map(nodeOf));
  if (Array.isArray(json.any)) return newGroup('any', json.any.map(nodeOf));
  if (json.not !== undefined) {
    const inner = json.not as Json;
    return newGroup('none', Array.isArray(inner.any) ? inner.any.map(nodeOf) : [nodeOf(inner)]);
  }
  const condition = newCondition(String(json.field ?? ''), String(json.op ?? ''));
  const text = (value: unknown) => (value == null ? '' : String(value));
  condition.value = text(json.value);
  condition.values = Array.isArray(json.values) ? json.values.map(String) : [];
  condition.from = text(json.from);
  condition.to = text(json.to);
  if (json.amount !== undefined) condition.amount = text(json.amount);
  if (json.unit !== undefined) condition.unit = text(json.unit);
  return condition;
}
