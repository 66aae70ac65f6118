import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { type ContactService, ContactType } from '../contacts/index.js';
import {
  CompanyConnection,
  CompanyInput,
  CompanyPatch,
  CompanySort,
  CompanyType,
} from './company.type.js';
import type { CompanyList } from './company-list.js';
import type { CompanyMembers } from './company-members.js';
import type { CompanyWrites } from './company-writes.js';

/** Companies (B2B accounts) and who belongs to them. */
@Resolver()
export class CompanyResolver {
  constructor(
    private readonly list: CompanyList,
    private readonly writes: CompanyWrites,
    private readonly members: CompanyMembers,
    private readonly contacts: ContactService,
  ) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => CompanyConnection, {
    description:
      'Companies of the active tenant, a keyset page at a time (pass pageInfo.endCursor as `after`); `search` finds a text within names and domains. By name A to Z unless `sort` says otherwise.',
  })
  companies(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('sort', () => CompanySort, { nullable: true }) sort: CompanySort | null,
  ) {
    return this.list.page(operation, { first, after, search, sort });
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => CompanyType, { description: 'One company of the active tenant.' })
  company(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.list.get(operation, id);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => CompanyType, {
    description: 'Creates a company; a domain another company has is a CONFLICT on `input.domain`.',
  })
  async createCompany(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => CompanyInput) input: CompanyInput,
  ) {
    return this.list.get(operation, await this.writes.create(operation, input));
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => CompanyType, {
    description: 'Changes a company; omitted fields keep their value.',
  })
  async updateCompany(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CompanyPatch) input: CompanyPatch,
  ) {
    await this.writes.update(operation, id, input);
    return this.list.get(operation, id);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => Boolean, {
    description:
      'Deletes a company; its contacts stay, and each one’s timeline records that it no longer belongs to it.',
  })
  deleteCompany(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.writes.delete(operation, id);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ContactType, {
    description:
      'Links a contact to a company with a role (or changes the role); the contact’s timeline records it as an EDIT.',
  })
  async linkContactToCompany(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('companyId', () => ID) companyId: string,
    @Arg('role', () => String, { nullable: true }) role: string | null,
  ) {
    return this.contacts.get(
      operation,
      await this.members.link(operation, contactId, companyId, role),
    );
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ContactType, {
    description:
      'Unlinks a contact from a company (recorded on its timeline); nothing happens when they were not linked.',
  })
  async unlinkContactFromCompany(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID) contactId: string,
    @Arg('companyId', () => ID) companyId: string,
  ) {
    return this.contacts.get(operation, await this.members.unlink(operation, contactId, companyId));
  }
}
