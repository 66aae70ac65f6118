import type { SEGMENT_FIELDS, SegmentFieldName } from './segment-fields.js';

type Fields = typeof SEGMENT_FIELDS;

type ValueOfKind<K> = K extends 'text' | 'enum'
  ? string
  : K extends 'number'
    ? number
    : K extends 'date'
      ? Date | string
      : readonly string[];

/**
 * One contact as the evaluator sees it: every catalogued field except derived ones (age comes
 * from the birth date), each optional and nullable. Dates are `Date`s or ISO 8601 strings;
 * numbers must not be NaN. It mirrors one row of the {@link SEGMENT_COLUMNS} view.
 */
export type SegmentContact = {
  readonly [N in SegmentFieldName as Fields[N] extends { derivedFrom: string }
    ? never
    : N]?: ValueOfKind<Fields[N]['kind']> | null;
};
