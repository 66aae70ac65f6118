// Test-only: fast-check arbitraries of valid segment rules and of contact records, for property
// tests that hold the evaluator, the compiler and (in the api) PostgreSQL to the same answers.
// Values come from small overlapping pools so that equalities, prefixes and boundaries actually
// occur; text stays ASCII because PostgreSQL's lower() folds only ASCII under the "C" collation.
import fc from 'fast-check';
import type { SegmentContact } from '../segments/segment-contact.js';
import {
  SEGMENT_FIELDS,
  type SegmentFieldDefinition,
  type SegmentFieldName,
} from '../segments/segment-fields.js';
import type { RelativeDateUnit, SegmentCondition, SegmentRule } from '../segments/segment-rule.js';

const TEXT_POOL = [
  '',
  'a',
  'Ana',
  'ana',
  'ANA',
  'Anabel',
  'bel',
  'Bob',
  'ob',
  'ES',
  'es',
  'Madrid',
  'madrid',
  "O'Neil",
  'a%b',
  '_',
  '\\',
];
const TAG_POOL = ['vip', 'VIP', 'Newsletter', 'newsletter', 'b2b', 'lead', "it's"];
const DATE_POOL = [
  '1960-02-29',
  '1990-06-15',
  '2000-01-01',
  '2010-12-31T23:59:59.999Z',
  '2024-02-29',
  '2024-03-01T12:00:00.000Z',
  '2025-01-01',
].map((text) => new Date(text));

const text = fc.oneof(fc.constantFrom(...TEXT_POOL), fc.string({ maxLength: 6 }));
const instant = fc.oneof(
  fc.constantFrom(...DATE_POOL),
  fc.date({
    min: new Date('1920-01-01T00:00:00Z'),
    max: new Date('2035-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
);

/** Instants to evaluate and compile at. */
export const segmentNowArbitrary: fc.Arbitrary<Date> = fc.oneof(
  fc.constantFrom(new Date('2024-02-29T10:00:00Z'), new Date('2025-01-01T00:00:00Z')),
  fc.date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
);

const NUMBERS: Readonly<Partial<Record<SegmentFieldName, fc.Arbitrary<number>>>> = {
  age: fc.integer({ min: 0, max: 110 }),
  rfmRecency: fc.integer({ min: 1, max: 5 }),
  rfmFrequency: fc.integer({ min: 1, max: 5 }),
  rfmMonetary: fc.integer({ min: 1, max: 5 }),
  clv: fc.oneof(
    fc.constantFrom(0, 10.5, 100, 250.25),
    fc.integer({ min: -100, max: 100_000 }).map((n) => n / 4),
  ),
  sentiment: fc.integer({ min: -8, max: 8 }).map((n) => n / 8),
  influence: fc.integer({ min: 0, max: 200 }).map((n) => n / 2),
  followers: fc.oneof(fc.constantFrom(0, 1000), fc.nat({ max: 1_000_000 })),
};

function numberOf(name: SegmentFieldName): fc.Arbitrary<number> {
  return NUMBERS[name] ?? fc.integer();
}

function listOf<T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.array(item, { minLength: 1, maxLength: 4 });
}

function membersOf(field: SegmentFieldDefinition): fc.Arbitrary<string> {
  return fc.constantFrom(...(field.values ?? []));
}

const presence = fc.constantFrom('isEmpty' as const, 'isNotEmpty' as const);

function conditionOf(name: SegmentFieldName): fc.Arbitrary<SegmentCondition> {
  const field: SegmentFieldDefinition = SEGMENT_FIELDS[name];
  const arbitraries: fc.Arbitrary<object>[] = [presence.map((op) => ({ op }))];
  switch (field.kind) {
    case 'text':
      arbitraries.push(
        fc.record({
          op: fc.constantFrom(
            'equals',
            'notEquals',
            'contains',
            'notContains',
            'startsWith',
            'endsWith',
          ),
          value: text,
        }),
        fc.record({ op: fc.constantFrom('in', 'notIn'), values: listOf(text) }),
      );
      break;
    case 'number': {
      const value = numberOf(name);
      arbitraries.push(
        fc.record({ op: fc.constantFrom('=', '!=', '<', '<=', '>', '>='), value }),
        fc
          .tuple(value, value)
          .map(([a, b]) => ({ op: 'between', from: Math.min(a, b), to: Math.max(a, b) })),
      );
      break;
    }
    case 'date': {
      const iso = instant.map((d) => d.toISOString());
      arbitraries.push(
        fc.record({ op: fc.constantFrom('before', 'after'), value: iso }),
        fc.tuple(instant, instant).map(([a, b]) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          return { op: 'between', from: from.toISOString(), to: to.toISOString() };
        }),
        fc.record({ op: fc.constantFrom('inLast', 'moreThanAgo'), ...relativeWindow() }),
      );
      break;
    }
    case 'enum':
      arbitraries.push(
        fc.record({ op: fc.constantFrom('equals', 'notEquals'), value: membersOf(field) }),
        fc.record({ op: fc.constantFrom('in', 'notIn'), values: listOf(membersOf(field)) }),
      );
      break;
    case 'set':
    case 'tags':
      arbitraries.push(
        fc.record({
          op: fc.constantFrom('containsAny', 'containsAll', 'containsNone'),
          values: listOf(field.kind === 'set' ? membersOf(field) : fc.constantFrom(...TAG_POOL)),
        }),
      );
      break;
  }
  return fc.oneof(...arbitraries).map((rest) => ({ field: name, ...rest }) as SegmentCondition);
}

function relativeWindow(): { amount: fc.Arbitrary<number>; unit: fc.Arbitrary<RelativeDateUnit> } {
  return {
    amount: fc.integer({ min: 0, max: 60 }),
    unit: fc.constantFrom('days', 'weeks', 'months', 'years'),
  };
}

/** A valid condition on any catalogued field. */
export const segmentConditionArbitrary: fc.Arbitrary<SegmentCondition> = fc.oneof(
  ...(Object.keys(SEGMENT_FIELDS) as SegmentFieldName[]).map(conditionOf),
);

/** Valid rules nested up to `maxDepth` levels (default 4), within the default limits. */
export function segmentRuleArbitrary(maxDepth = 4): fc.Arbitrary<SegmentRule> {
  const { rule } = fc.letrec<{ rule: SegmentRule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', maxDepth: maxDepth - 1, withCrossShrink: true },
      segmentConditionArbitrary,
      fc.array(tie('rule'), { maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('rule'), { maxLength: 3 }).map((any) => ({ any })),
      tie('rule').map((not) => ({ not })),
    ),
  }));
  return rule;
}

function nullable<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.option(value, { nil: null, freq: 4 });
}

/**
 * Contact records as a segment view row holds them: any field may be absent or null; numbers
 * are never NaN; dates have millisecond precision.
 */
export const segmentContactArbitrary: fc.Arbitrary<SegmentContact> = fc.record(
  {
    firstName: nullable(text),
    lastName: nullable(text),
    email: nullable(text),
    gender: nullable(membersOf(SEGMENT_FIELDS.gender)),
    birthDate: nullable(instant),
    country: nullable(text),
    city: nullable(text),
    language: nullable(text),
    lifecycleStage: nullable(membersOf(SEGMENT_FIELDS.lifecycleStage)),
    rfmRecency: nullable(numberOf('rfmRecency')),
    rfmFrequency: nullable(numberOf('rfmFrequency')),
    rfmMonetary: nullable(numberOf('rfmMonetary')),
    rfmSegment: nullable(membersOf(SEGMENT_FIELDS.rfmSegment)),
    clv: nullable(numberOf('clv')),
    sentiment: nullable(numberOf('sentiment')),
    influence: nullable(numberOf('influence')),
    channels: nullable(fc.subarray([...SEGMENT_FIELDS.channels.values])),
    followers: nullable(numberOf('followers')),
    tags: nullable(fc.uniqueArray(fc.constantFrom(...TAG_POOL), { maxLength: 4 })),
    createdAt: nullable(instant),
    lastInteractionAt: nullable(instant),
  },
  { requiredKeys: [] },
);
