import { compileSegmentRule, type SegmentRule, validateSegmentRule } from '@socialcrm/domain';
import { badUserInput } from '../../platform/errors/app-error.js';

/** A rule as the domain validates it, or a bad input naming each problem's place in it. */
export function parseSegmentRule(input: unknown, field: string): SegmentRule {
  const validation = validateSegmentRule(input);
  if (validation.ok) return validation.rule;
  throw badUserInput(
    validation.issues.map((issue) => ({
      field: `${field}.${issue.path}`,
      message: issue.message,
      reason: issue.code,
    })),
  );
}

/**
 * A stored rule as a predicate on the segment view aliased `sc`, its parameters numbered from
 * `firstParam`; relative dates count from `now`.
 */
export function segmentPredicate(rule: SegmentRule, now: Date, firstParam: number) {
  return compileSegmentRule(rule, { now, firstParameterIndex: firstParam, tableAlias: 'sc' });
}
