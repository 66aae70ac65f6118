export {
  type CompiledSegmentPredicate,
  type CompileSegmentRuleOptions,
  compileSegmentRule,
} from './compile-segment-rule.js';
export { evaluateSegmentRule } from './evaluate-segment-rule.js';
export type { SegmentContact } from './segment-contact.js';
export { ageAtLeastBound, ageInYears, instantBefore, parseInstant } from './segment-dates.js';
export {
  CONTACT_CHANNELS,
  CONTACT_GENDERS,
  SEGMENT_COLUMNS,
  SEGMENT_FIELDS,
  type SegmentColumn,
  type SegmentColumnType,
  type SegmentFieldDefinition,
  type SegmentFieldKind,
  type SegmentFieldName,
  type SegmentFieldNameOfKind,
  segmentField,
} from './segment-fields.js';
export {
  type AllRule,
  type AnyRule,
  type DateCondition,
  type EnumCondition,
  type NotRule,
  type NumberCondition,
  type NumberValueOperator,
  type PresenceOperator,
  type RelativeDateUnit,
  SEGMENT_OPERATORS,
  type SegmentCondition,
  type SegmentRule,
  type SetCondition,
  type SetValueOperator,
  type TextCondition,
  type TextValueOperator,
} from './segment-rule.js';
export { segmentRuleFields } from './segment-rule-fields.js';
export {
  SEGMENT_RULE_LIMITS,
  type SegmentRuleIssue,
  type SegmentRuleIssueCode,
  type SegmentRuleLimits,
  type SegmentRuleValidation,
  validateSegmentRule,
} from './validate-segment-rule.js';
