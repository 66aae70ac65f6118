import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { DuplicateSuggestionConnection, DuplicateSuggestionType } from './duplicate.type.js';
import { DuplicateSuggestions } from './duplicate-suggestions.js';

/** Contacts that may be one person, for review before a merge. */
@Resolver(() => DuplicateSuggestionType)
export class DuplicateResolver {
  constructor(private readonly suggestions: DuplicateSuggestions) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => DuplicateSuggestionConnection, {
    description:
      'Pairs of contacts that may be one person (see DuplicateReason), the highest score first; dismissed pairs are left out.',
  })
  duplicateContacts(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from pageInfo.endCursor.',
    })
    after?: string | null,
  ) {
    return this.suggestions.page(operation, first, after);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => Boolean, {
    description:
      'Says the given contacts (2 to 20 of the tenant) are not one person: no pair of them is suggested again.',
  })
  dismissDuplicate(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactIds', () => [ID]) contactIds: string[],
  ) {
    return this.suggestions.dismiss(operation, contactIds);
  }
}
