import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { MAX_BULK_MENTIONS } from './inputs/bulk-mention-ids.input.js';
import { MentionActionResultType } from './mention-action-result.type.js';
import { MentionBulkActionsService } from './mention-bulk-actions.service.js';

const SELECTION = `Up to ${MAX_BULK_MENTIONS} mention ids.`;

/** What an agent does to a selection of mentions at once: the single actions, in bulk. */
@Resolver()
export class MentionBulkActionsResolver {
  constructor(private readonly bulk: MentionBulkActionsService) {}

  @Authorized(TenantRole.AGENT)
  @Mutation(() => [MentionActionResultType], {
    description:
      'Assigns the mentions to a user of the tenant (null clears them). One result per id, in order; a bad id does not stop the others.',
  })
  assignMentions(
    @Ctx() { operation }: GraphQLContext,
    @Arg('mentionIds', () => [ID], { description: SELECTION }) mentionIds: string[],
    @Arg('userId', () => ID, {
      nullable: true,
      description: 'Someone who can act in the tenant (not a viewer); null unassigns.',
    })
    userId: string | null,
  ) {
    return this.bulk.assign(operation, mentionIds, userId);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => [MentionActionResultType], {
    description:
      "Makes each mention's author a lead contact (later stages are kept). One result per id, in order; a bad id does not stop the others.",
  })
  markAuthorsAsLeads(
    @Ctx() { operation }: GraphQLContext,
    @Arg('mentionIds', () => [ID], { description: SELECTION }) mentionIds: string[],
  ) {
    return this.bulk.markAuthorsAsLeads(operation, mentionIds);
  }
}
