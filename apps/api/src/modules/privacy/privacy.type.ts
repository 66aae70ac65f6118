import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';

export enum PrivacyRequestKind {
  EXPORT = 'EXPORT',
  ERASURE = 'ERASURE',
}
registerEnumType(PrivacyRequestKind, {
  name: 'PrivacyRequestKind',
  description:
    'EXPORT: everything held about a contact was handed out (contactPersonalData). ERASURE: the contact was erased (eraseContact).',
});

@ObjectType('PrivacyRequestCount', {
  description: 'Rows of one table a request handed out or erased.',
})
export class PrivacyRequestCountType {
  @Field(() => String, { description: 'The table, e.g. contact, timeline_event, customer_order.' })
  table: string;

  @Field(() => Int)
  rows: number;
}

@ObjectType('PrivacyRequest', {
  description:
    'An entry of the privacy audit log, which only grows. It holds no personal data: the contact id alone, which no longer resolves once the contact is erased.',
})
export class PrivacyRequestType {
  @Field(() => ID)
  id: string;

  @Field(() => PrivacyRequestKind, { description: 'A copy handed out, or an erasure.' })
  kind: PrivacyRequestKind;

  @Field(() => ID, { description: 'The contact the request was about.' })
  contactId: string;

  @Field(() => ID, { nullable: true, description: 'The user who made it (null once removed).' })
  requestedBy: string | null;

  @Field(() => Date, { description: 'When it was carried out.' })
  requestedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why, as given for an erasure.' })
  reason: string | null;

  @Field(() => [PrivacyRequestCountType], {
    description:
      'Rows handed out (EXPORT) or erased (ERASURE) by table; for an erasure, customer_order, engagement_event and mention count rows kept as anonymous figures.',
  })
  counts: PrivacyRequestCountType[];
}

@ObjectType('PrivacyRequestConnection', { description: 'The privacy audit log, newest first.' })
export class PrivacyRequestConnection extends Connection(PrivacyRequestType, 'PrivacyRequest') {}
