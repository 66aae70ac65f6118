import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';
import { SocialIdentityType } from './social-identity.type.js';

export enum TimelineEventKind {
  MENTION = 'MENTION',
  REPLY = 'REPLY',
  LIFECYCLE_CHANGE = 'LIFECYCLE_CHANGE',
}
registerEnumType(TimelineEventKind, { name: 'TimelineEventKind' });

@ObjectType('Contact', {
  description: 'A person the tenant knows, with every social identity and one timeline.',
})
export class ContactType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, {
    description:
      'Lifecycle stage: subscriber, lead, marketingQualifiedLead, … customer, advocate, churned.',
  })
  lifecycleStage: string;

  @Field(() => [SocialIdentityType])
  identities: SocialIdentityType[];

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('TimelineEvent', { description: 'One interaction with a contact, on any channel.' })
export class TimelineEventType {
  @Field(() => ID)
  id: string;

  @Field(() => TimelineEventKind)
  kind: TimelineEventKind;

  @Field(() => String, { nullable: true })
  channel: string | null;

  @Field(() => ID, { nullable: true })
  mentionId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The user who acted (a reply, a stage change), if any.',
  })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  body: string | null;

  @Field(() => Date)
  occurredAt: Date;
}

@ObjectType()
export class TimelineEventConnection extends Connection(TimelineEventType, 'TimelineEvent') {}
