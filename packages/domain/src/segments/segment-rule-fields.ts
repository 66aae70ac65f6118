import type { SegmentFieldName } from './segment-fields.js';
import type { SegmentRule } from './segment-rule.js';

/**
 * The fields a rule tests, anywhere in its tree: whether a change to some fields can change
 * who matches (a recomputed score moves the members of the segments that read it, no others).
 */
export function segmentRuleFields(rule: SegmentRule): Set<SegmentFieldName> {
  if ('all' in rule) return union(rule.all);
  if ('any' in rule) return union(rule.any);
  if ('not' in rule) return segmentRuleFields(rule.not);
  return new Set([rule.field as SegmentFieldName]);
}

function union(children: readonly SegmentRule[]): Set<SegmentFieldName> {
  return new Set(children.flatMap((child) => [...segmentRuleFields(child)]));
}
