import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactMergeService } from './contact-merge.service.js';
import {
  ContactMergeConnection,
  ContactMergePlanType,
  ContactMergeResultType,
  ContactMergeType,
} from './contact-merge.type.js';

const SURVIVOR = { description: 'The contact that stays.' };
const MERGED = {
  description: '1 to 19 other contacts of the tenant, merged into it in this order, then deleted.',
};

/** Merging contacts: the dry run, the merge, and the record of merges. */
@Resolver(() => ContactMergeType)
export class ContactMergeResolver {
  constructor(private readonly merges: ContactMergeService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => ContactMergePlanType, {
    description:
      'The dry run of mergeContacts: exactly what the surviving contact would keep and what would move to it. Nothing is written.',
  })
  contactMergePreview(
    @Ctx() { operation }: GraphQLContext,
    @Arg('survivorId', () => ID, SURVIVOR) survivorId: string,
    @Arg('mergedIds', () => [ID], MERGED) mergedIds: string[],
  ) {
    return this.merges.preview(operation, survivorId, mergedIds);
  }

  // An agent's work: nothing is lost (everything moves, the merge is recorded), as with the
  // other writes of customer data.
  @Authorized(TenantRole.AGENT)
  @Mutation(() => ContactMergeResultType, {
    description:
      'Merges contacts into the survivor in one transaction: locks them, recomputes the plan (equal to contactMergePreview for unchanged data), moves identities, timeline entries (lifecycle history included), orders, engagement events, company links and static list memberships, writes the survivor’s fields, deletes the merged contacts, records the merge and adds a MERGE entry to the survivor’s timeline. NOT_FOUND when a contact is not in the tenant; CONFLICT when a concurrent merge took one of them first.',
  })
  mergeContacts(
    @Ctx() { operation }: GraphQLContext,
    @Arg('survivorId', () => ID, SURVIVOR) survivorId: string,
    @Arg('mergedIds', () => [ID], MERGED) mergedIds: string[],
  ) {
    return this.merges.merge(operation, survivorId, mergedIds);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => ContactMergeConnection, {
    description: 'The tenant’s merges (who merged what, when, and the plan applied), newest first.',
  })
  contactMerges(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from pageInfo.endCursor.',
    })
    after?: string | null,
  ) {
    return this.merges.list(operation, first, after);
  }
}
