import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContactType } from '../contacts/index.js';
import { SegmentRuleScalar } from './segment-rule.scalar.js';

/** How a segment gets its members. */
export enum SegmentKind {
  DYNAMIC = 'DYNAMIC',
  STATIC = 'STATIC',
}
registerEnumType(SegmentKind, {
  name: 'SegmentKind',
  description:
    'DYNAMIC: the contacts its rule selects, kept current as their data changes. STATIC: a list whose members are added and removed by hand.',
});

/** Whether a dynamic segment's stored members follow its rule yet. */
export enum SegmentRefreshState {
  PENDING = 'PENDING',
  READY = 'READY',
}
registerEnumType(SegmentRefreshState, {
  name: 'SegmentRefreshState',
  description:
    'PENDING: a full refresh is queued or running (after creation, a rule change or a request). READY: the members follow the rule.',
});

@ObjectType('Segment', {
  description: 'A saved group of contacts: a dynamic segment or a static list.',
})
export class SegmentType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => SegmentKind)
  kind: SegmentKind;

  @Field(() => SegmentRuleScalar, { nullable: true, description: 'The rule of a dynamic segment.' })
  rule: unknown;

  @Field(() => Int, { description: 'How many contacts are members now.' })
  memberCount: number;

  @Field(() => SegmentRefreshState)
  refreshState: SegmentRefreshState;

  @Field(() => Date, { nullable: true, description: 'When the last full refresh finished.' })
  refreshedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@InputType('SegmentInput', { description: 'A new segment.' })
export class SegmentInput {
  @Field(() => String, {
    description: 'Unique in the tenant, ignoring case; at most 120 characters.',
  })
  name: string;

  @Field(() => String, { nullable: true, description: 'At most 1,000 characters.' })
  description?: string | null;

  @Field(() => SegmentKind)
  kind: SegmentKind;

  @Field(() => SegmentRuleScalar, {
    nullable: true,
    description: 'Required for a dynamic segment, refused for a static list.',
  })
  rule?: unknown;
}

@InputType('SegmentPatch', { description: 'Changes to a segment; what is left out stays.' })
export class SegmentPatch {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty text clears it.' })
  description?: string | null;

  @Field(() => SegmentRuleScalar, {
    nullable: true,
    description: 'A new rule (dynamic segments only); its members are refreshed in the background.',
  })
  rule?: unknown;
}

@ObjectType('SegmentPreview', { description: 'What a rule selects now, before it is saved.' })
export class SegmentPreviewType {
  @Field(() => Int, { description: 'How many contacts the rule selects.' })
  count: number;

  @Field(() => [ContactType], { description: 'A few of them, newest first.' })
  sample: ContactType[] | Promise<ContactType[]>;
}

@ObjectType('SegmentFieldDefinition', { description: 'A field a segment rule can test.' })
export class SegmentFieldType {
  @Field(() => String, { description: 'The name a condition gives as `field`.' })
  name: string;

  @Field(() => String, { description: 'text, number, date, enum, set or tags.' })
  kind: string;

  @Field(() => String, { description: 'An English label; clients translate by `name`.' })
  label: string;

  @Field(() => [String], { description: 'The operators a condition on it may use.' })
  operators: readonly string[];

  @Field(() => [String], {
    nullable: true,
    description: 'The allowed values of an enum field or members of a set field.',
  })
  values: readonly string[] | null;

  @Field(() => Boolean, { description: 'Whether values must be whole numbers.' })
  integer: boolean;

  @Field(() => Number, { nullable: true, description: 'The smallest value allowed.' })
  min: number | null;

  @Field(() => Number, { nullable: true, description: 'The largest value allowed.' })
  max: number | null;
}

@ObjectType('SegmentSize', { description: "A segment's member count at the end of a day (UTC)." })
export class SegmentSizeType {
  @Field(() => String, { description: 'The day, YYYY-MM-DD.' })
  day: string;

  @Field(() => Int)
  memberCount: number;
}
