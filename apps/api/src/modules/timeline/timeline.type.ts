import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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

@ObjectType('TimelineEvent', { description: 'One interaction with a contact, on any channel.' })
export class TimelineEventType {
  @Field(() => ID)
  id: string;

  @Field(() => TimelineEventKind)
  kind: TimelineEventKind;

  @Field(() => String, {
    nullable: true,
    description: 'The channel it happened on (a network, EMAIL, PHONE…), when it has one.',
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

  @Field(() => Date)
  occurredAt: Date;
}

@ObjectType()
export class TimelineEventConnection extends Connection(TimelineEventType, 'TimelineEvent') {}
