import { EngagementKind } from '@socialcrm/validation';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';

export { EngagementKind };

registerEnumType(EngagementKind, {
  name: 'EngagementKind',
  description:
    'What happened to an email the tenant sent: sent, opened, clicked, bounced, or the contact unsubscribed.',
});

@ObjectType('EngagementEvent', {
  description: 'Something a contact did with an email (or that happened to it).',
})
export class EngagementEventType {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'The event id in the sending system; recording it again changes nothing.',
  })
  externalId: string;

  @Field(() => ID, { nullable: true, description: 'The contact (null once erased).' })
  contactId: string | null;

  @Field(() => EngagementKind)
  kind: EngagementKind;

  @Field(() => String, { nullable: true, description: 'The campaign the email belonged to.' })
  campaign: string | null;

  @Field(() => String, { nullable: true, description: 'The link clicked, for CLICKED.' })
  url: string | null;

  @Field(() => Date)
  occurredAt: Date;
}

@ObjectType()
export class EngagementEventConnection extends Connection(
  EngagementEventType,
  'EngagementEventConnection',
) {}

@InputType({ description: 'Narrows `engagementEvents`; every given condition must hold.' })
export class EngagementEventFilter {
  @Field(() => ID, { nullable: true, description: "Only this contact's events." })
  contactId?: string | null;

  @Field(() => [EngagementKind], { nullable: true, description: 'Only events of these kinds.' })
  kinds?: EngagementKind[] | null;
}

@InputType({
  description:
    'An email event to record. Name the contact by contactId, contactExternalId or contactEmail; an unknown external id or email makes a minimal contact with it. UNSUBSCRIBED withdraws the email consent.',
})
export class EngagementEventInput {
  @Field(() => String, { description: 'The event id in the sending system (idempotency key).' })
  externalId: string;

  @Field(() => EngagementKind)
  kind: EngagementKind;

  @Field(() => ID, { nullable: true, description: 'An existing contact of the tenant.' })
  contactId?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's id in the source system." })
  contactExternalId?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's email address." })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'The campaign (at most 200 characters).' })
  campaign?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The link clicked (at most 2,000 characters).',
  })
  url?: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt: Date;
}
