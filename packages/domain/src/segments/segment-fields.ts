import { LIFECYCLE_STAGES } from '../lifecycle/lifecycle-stage.js';
import { RFM_SEGMENT_IDS } from '../rfm/rfm-segment.js';

/** The kinds of field a segment rule can test; each kind has its own operators. */
export type SegmentFieldKind = 'text' | 'number' | 'date' | 'enum' | 'set' | 'tags';

/** How a field is stored in the segment view, which has exactly the columns of {@link SEGMENT_COLUMNS}. */
export type SegmentColumnType =
  | 'text'
  | 'integer'
  | 'bigint'
  | 'double precision'
  | 'timestamptz'
  | 'text[]';

/** One field of the catalogue. */
export interface SegmentFieldDefinition {
  readonly kind: SegmentFieldKind;
  readonly label: string;
  /** The column of the segment view the compiler reads; never taken from a rule. */
  readonly column: string;
  readonly columnType: SegmentColumnType;
  /** The allowed values of an enum field, or the allowed members of a set field. */
  readonly values?: readonly string[];
  /** Whether rule values must be whole numbers. */
  readonly integer?: boolean;
  /** Inclusive bounds for rule values of a number field. */
  readonly min?: number;
  readonly max?: number;
  /** A field the contact record does not hold but that is derived from another field. */
  readonly derivedFrom?: 'birthDate';
}

/** The channels a contact can be reached on. */
export const CONTACT_CHANNELS = [
  'facebook',
  'instagram',
  'x',
  'linkedin',
  'tiktok',
  'youtube',
  'mastodon',
  'bluesky',
  'email',
  'phone',
  'web',
] as const;

/** Genders a contact may record. */
export const CONTACT_GENDERS = ['female', 'male', 'non_binary', 'other'] as const;

/**
 * The field catalogue: the single source of the fields a segment rule may test, read by the
 * validator, the evaluator and the SQL compiler alike.
 */
export const SEGMENT_FIELDS = {
  firstName: { kind: 'text', label: 'First name', column: 'first_name', columnType: 'text' },
  lastName: { kind: 'text', label: 'Last name', column: 'last_name', columnType: 'text' },
  email: { kind: 'text', label: 'Email', column: 'email', columnType: 'text' },
  gender: {
    kind: 'enum',
    label: 'Gender',
    column: 'gender',
    columnType: 'text',
    values: CONTACT_GENDERS,
  },
  birthDate: { kind: 'date', label: 'Birth date', column: 'birth_date', columnType: 'timestamptz' },
  // Age has no column: it is whole years from the birth date to `now`, compiled to birth-date bounds.
  age: {
    kind: 'number',
    label: 'Age',
    column: 'birth_date',
    columnType: 'timestamptz',
    integer: true,
    min: 0,
    max: 200,
    derivedFrom: 'birthDate',
  },
  country: { kind: 'text', label: 'Country', column: 'country', columnType: 'text' },
  city: { kind: 'text', label: 'City', column: 'city', columnType: 'text' },
  language: { kind: 'text', label: 'Language', column: 'language', columnType: 'text' },
  lifecycleStage: {
    kind: 'enum',
    label: 'Lifecycle stage',
    column: 'lifecycle_stage',
    columnType: 'text',
    values: LIFECYCLE_STAGES,
  },
  rfmRecency: {
    kind: 'number',
    label: 'RFM recency score',
    column: 'rfm_r',
    columnType: 'integer',
  },
  rfmFrequency: {
    kind: 'number',
    label: 'RFM frequency score',
    column: 'rfm_f',
    columnType: 'integer',
  },
  rfmMonetary: {
    kind: 'number',
    label: 'RFM monetary score',
    column: 'rfm_m',
    columnType: 'integer',
  },
  rfmSegment: {
    kind: 'enum',
    label: 'RFM segment',
    column: 'rfm_segment',
    columnType: 'text',
    values: RFM_SEGMENT_IDS,
  },
  clv: {
    kind: 'number',
    label: 'Customer lifetime value',
    column: 'clv',
    columnType: 'double precision',
  },
  sentiment: {
    kind: 'number',
    label: 'Average sentiment',
    column: 'sentiment',
    columnType: 'double precision',
  },
  influence: {
    kind: 'number',
    label: 'Influence score',
    column: 'influence',
    columnType: 'double precision',
  },
  channels: {
    kind: 'set',
    label: 'Channels',
    column: 'channels',
    columnType: 'text[]',
    values: CONTACT_CHANNELS,
  },
  followers: { kind: 'number', label: 'Followers', column: 'followers', columnType: 'bigint' },
  tags: { kind: 'tags', label: 'Tags', column: 'tags', columnType: 'text[]' },
  createdAt: { kind: 'date', label: 'Created at', column: 'created_at', columnType: 'timestamptz' },
  lastInteractionAt: {
    kind: 'date',
    label: 'Last interaction at',
    column: 'last_interaction_at',
    columnType: 'timestamptz',
  },
} as const satisfies Record<string, SegmentFieldDefinition>;

/** The name of a catalogued field. */
export type SegmentFieldName = keyof typeof SEGMENT_FIELDS;

/** The names of the catalogued fields of one kind. */
export type SegmentFieldNameOfKind<K extends SegmentFieldKind> = {
  [N in SegmentFieldName]: (typeof SEGMENT_FIELDS)[N]['kind'] extends K ? N : never;
}[SegmentFieldName];

/** The catalogue entry of a field name, or undefined for a name that is not catalogued. */
export function segmentField(name: string): SegmentFieldDefinition | undefined {
  return Object.hasOwn(SEGMENT_FIELDS, name) ? SEGMENT_FIELDS[name as SegmentFieldName] : undefined;
}

/** A column of the segment view: its name and PostgreSQL type. */
export interface SegmentColumn {
  readonly name: string;
  readonly type: SegmentColumnType;
}

/**
 * Every column a compiled segment predicate may read, with its PostgreSQL type. The api builds
 * a view (or table) with these columns, one row per contact, plus whatever keys it joins on.
 * Timestamps are `timestamptz`; a birth date is stored as midnight UTC of that day.
 */
export const SEGMENT_COLUMNS: readonly SegmentColumn[] = [
  ...new Map(
    Object.values(SEGMENT_FIELDS).map((f) => [f.column, { name: f.column, type: f.columnType }]),
  ).values(),
];
