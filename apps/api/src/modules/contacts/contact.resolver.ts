import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactService } from './contact.service.js';
import { ContactType } from './contact.type.js';

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
}
