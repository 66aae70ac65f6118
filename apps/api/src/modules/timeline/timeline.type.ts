import { InteractionChannel, InteractionKind } from '@socialcrm/validation';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';

/** Every kind of interaction the timeline records (the migration's check lists the same). */
export enum TimelineEventKind {
  MENTION = 'MENTION',
  REPLY = 'REPLY',
  EMAIL_SENT = 'EMAIL_SENT',
  EMAIL_OPENED = 'EMAIL_OPENED',
  EMAIL_CLICKED = 'EMAIL_CLICKED',
  EMAIL_BOUNCED = 'EMAIL_BOUNCED',
  EMAIL_UNSUBSCRIBED = 'EMAIL_UNSUBSCRIBED',
  CALL = 'CALL',
  MEETING = 'MEETING',
  NOTE = 'NOTE',
  ORDER = 'ORDER',
  LIFECYCLE_CHANGE = 'LIFECYCLE_CHANGE',
  SEGMENT_ENTERED = 'SEGMENT_ENTERED',
  SEGMENT_LEFT = 'SEGMENT_LEFT',
  MERGE = 'MERGE',
  EDIT = 'EDIT',
}
registerEnumType(TimelineEventKind, {
  name: 'TimelineEventKind',
  description:
    'What happened: a mention or reply, an email event, a call, meeting or note, an order, a change.',
});

/** What caused an entry. */
export enum TimelineCause {
  USER = 'USER',
  API_KEY = 'API_KEY',
  IMPORT = 'IMPORT',
  CONNECTOR = 'CONNECTOR',
  CONTACT = 'CONTACT',
  SYSTEM = 'SYSTEM',
}
registerEnumType(TimelineCause, {
  name: 'TimelineCause',
  description:
    'Who or what caused an entry: a user (see actorId), an API key, a CSV import, a connector, the contact themself, or the system (a rule or job).',
});

registerEnumType(InteractionKind, {
  name: 'InteractionKind',
  description: 'An interaction an agent logs by hand: a CALL or a MEETING.',
});
registerEnumType(InteractionChannel, {
  name: 'InteractionChannel',
  description: 'Where a logged call or meeting took place: PHONE, VIDEO or IN_PERSON.',
});

@ObjectType('TimelineActor', { description: 'The user who caused a timeline entry.' })
export class TimelineActorType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;
}

@ObjectType('TimelineEvent', { description: 'One interaction with a contact, on any channel.' })
export class TimelineEventType {
  @Field(() => ID)
  id: string;

  @Field(() => TimelineEventKind)
  kind: TimelineEventKind;

  @Field(() => String, {
    nullable: true,
    description:
      'The channel it happened on (a network, EMAIL, PHONE, VIDEO, IN_PERSON…), when it has one.',
  })
  channel: string | null;

  @Field(() => TimelineCause)
  cause: TimelineCause;

  @Field(() => ID, { nullable: true })
  mentionId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The user who acted (a reply, a note, a stage change), if any.',
  })
  actorId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The record the entry is about (an order, an email event, a merge…), by kind.',
  })
  subjectId: string | null;

  @Field(() => String, { nullable: true })
  body: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Structured details as JSON text, by kind: an EDIT’s `{ fields }` or `{ change, company { id name }, role, previousRole }`, an order’s amount…',
  })
  data: string | null;

  @Field(() => Date, { description: 'When it happened (not when it was written down).' })
  occurredAt: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'When a note’s text last changed (its earlier texts: `noteVersions`); null if never.',
  })
  editedAt: Date | null;
}

@ObjectType()
export class TimelineEventConnection extends Connection(TimelineEventType, 'TimelineEvent') {}

@InputType({ description: 'Which entries a timeline shows; an empty or omitted list keeps all.' })
export class TimelineFilter {
  @Field(() => [TimelineEventKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: TimelineEventKind[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only these channels (FACEBOOK, EMAIL, PHONE…); entries without one are left out.',
  })
  channels?: string[] | null;
}

@ObjectType('NoteVersion', { description: 'An earlier text of a note, replaced by an edit.' })
export class NoteVersionType {
  @Field(() => Int, { description: '1 for the note’s first text, then 2, 3…' })
  version: number;

  @Field(() => String)
  body: string;

  @Field(() => ID, { nullable: true, description: 'Who wrote this text (null if since deleted).' })
  writtenBy: string | null;

  @Field(() => Date, { description: 'When this text was written.' })
  writtenAt: Date;
}

@InputType({ description: 'A call or meeting that took place.' })
export class InteractionInput {
  @Field(() => InteractionKind)
  kind: InteractionKind;

  @Field(() => Date, { description: 'When it took place; not in the future.' })
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: 'What was said or agreed.' })
  body?: string | null;

  @Field(() => InteractionChannel, {
    nullable: true,
    description: 'Where it took place; a call is PHONE when omitted.',
  })
  channel?: InteractionChannel | null;
}
