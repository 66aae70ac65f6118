import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactService } from './contact.service.js';
import { ContactType } from './contact.type.js';
import { ContactConnection } from './contact-connection.js';
import { ContactFilter, ContactInput, ContactPatch, ContactSort } from './contact-inputs.js';
import { BULK_IDS_MAX } from './contact-writes.js';
import { SocialIdentityInput, SocialIdentityType } from './social-identity.type.js';

/** Contacts: viewers read, agents write, managers delete. */
@Resolver()
export class ContactResolver {
  constructor(private readonly service: ContactService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => ContactConnection, {
    description:
      'Contacts of the active tenant, a page at a time (keyset: pass pageInfo.endCursor as `after`). `search`: every word must start a word of the contact’s names, emails (or their domain), phones, identity handles or company names.',
  })
  contacts(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1 to 100.' })
    first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'At most 200 characters; case-insensitive.',
    })
    search: string | null,
    @Arg('filter', () => ContactFilter, { nullable: true }) filter: ContactFilter | null,
    @Arg('sort', () => ContactSort, { nullable: true, description: 'Newest first when omitted.' })
    sort: ContactSort | null,
  ) {
    return this.service.list(operation, { first, after, search, filter, sort });
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => ContactType, {
    description: 'One contact of the active tenant with its identities and companies.',
  })
  contact(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.service.get(operation, id);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ContactType, {
    description: 'Adds a contact; every refused field is named at once.',
  })
  createContact(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => ContactInput) input: ContactInput,
  ) {
    return this.service.create(operation, input);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ContactType, {
    description: 'Changes a contact; the changed field names are recorded on its timeline (EDIT).',
  })
  updateContact(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ContactPatch) input: ContactPatch,
  ) {
    return this.service.update(operation, id, input);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => Int, {
    description: `Deletes contacts (at most ${BULK_IDS_MAX}) with their timelines; answers how many were deleted.`,
  })
  deleteContacts(@Ctx() { operation }: GraphQLContext, @Arg('ids', () => [ID]) ids: string[]) {
    return this.service.writes.delete(operation, ids);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => Int, {
    description: 'Adds and removes tags on contacts; answers how many changed.',
  })
  tagContacts(
    @Ctx() { operation }: GraphQLContext,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('add', () => [String], { nullable: true }) add: string[] | null,
    @Arg('remove', () => [String], { nullable: true }) remove: string[] | null,
  ) {
    return this.service.writes.tag(operation, ids, add ?? [], remove ?? []);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => Int, {
    description:
      'Gives contacts an owner (an agent, manager or owner of the tenant), or none; answers how many changed.',
  })
  assignContacts(
    @Ctx() { operation }: GraphQLContext,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('ownerId', () => ID, { nullable: true }) ownerId: string | null,
  ) {
    return this.service.writes.assign(operation, ids, ownerId);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => SocialIdentityType, {
    description:
      'Adds an identity to a contact. One known without a contact (a mention author) joins it; one another contact holds is a CONFLICT (merge the contacts instead).',
  })
  addSocialIdentity(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('input', () => SocialIdentityInput) input: SocialIdentityInput,
  ) {
    return this.service.identities.add(operation, contactId, input);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => Boolean, {
    description:
      'Takes an identity off its contact (one that authored mentions stays, unlinked, for them).',
  })
  removeSocialIdentity(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.service.identities.remove(operation, id);
  }
}
