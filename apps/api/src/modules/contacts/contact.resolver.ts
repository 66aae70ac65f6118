import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactService } from './contact.service.js';
import { ContactType, TimelineEventConnection } from './contact.type.js';

@Resolver()
export class ContactResolver {
  constructor(private readonly contacts: ContactService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => ContactType, {
    description: 'One contact of the active tenant with its social identities.',
  })
  contact(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.contacts.get(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => TimelineEventConnection, {
    description: 'Every interaction with a contact, newest first.',
  })
  contactTimeline(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.contacts.timeline(operation, contactId, first, after);
  }
}
