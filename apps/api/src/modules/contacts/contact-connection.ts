import { CONTACT_COUNT_CAP } from '@socialcrm/validation';
import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../platform/graphql/connection.js';
import { ContactType } from './contact.type.js';

/** Beyond this many matches the list says "more than" instead of counting a million rows. */

@ObjectType('ContactEdge')
export class ContactEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => ContactType)
  node: ContactType;
}

@ObjectType('ContactConnection', { description: 'A page of contacts, in the asked order.' })
export class ContactConnection {
  @Field(() => [ContactEdge])
  edges: ContactEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, {
    description: `How many contacts match, counted only when asked for: exact up to ${CONTACT_COUNT_CAP.toLocaleString('en-US')}; ${(CONTACT_COUNT_CAP + 1).toLocaleString('en-US')} means "more than ${CONTACT_COUNT_CAP.toLocaleString('en-US')}" (an exact count of a million rows on every page would cost more than the page).`,
  })
  totalCount: Promise<number> | number;
}
