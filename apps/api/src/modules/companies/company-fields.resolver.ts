import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactCompanyType, ContactType } from '../contacts/index.js';
import { CompanyMemberConnection, CompanyType } from './company.type.js';
import type { CompanyMembers } from './company-members.js';

/** `Company.contactCount` and `Company.contacts`: asked for a whole list, read at once. */
@Resolver(() => CompanyType)
export class CompanyFieldsResolver {
  constructor(private readonly members: CompanyMembers) {}

  @FieldResolver(() => Int, { description: 'How many contacts belong to the company.' })
  contactCount(@Root() company: CompanyType, @Ctx() { operation }: GraphQLContext) {
    return this.members.contactCount(operation, company.id);
  }

  @FieldResolver(() => CompanyMemberConnection, {
    description:
      'The contacts at the company with their role, by name (keyset: pass pageInfo.endCursor as `after`).',
  })
  contacts(
    @Root() company: CompanyType,
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.members.members(operation, company.id, first, after);
  }
}

/** `Contact.companies`: the companies of every contact a list shows, read in one statement. */
@Resolver(() => ContactType)
export class ContactCompaniesResolver {
  constructor(private readonly members: CompanyMembers) {}

  @FieldResolver(() => [ContactCompanyType], {
    description: 'The companies the contact belongs to, with their role there, by company name.',
  })
  companies(@Root() contact: ContactType, @Ctx() { operation }: GraphQLContext) {
    return this.members.companiesOf(operation, contact.id);
  }
}
