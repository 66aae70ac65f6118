import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactType } from '../contacts/index.js';
import { TimelineEventType } from '../timeline/index.js';
import { MentionFilterInput } from './inputs/mention-filter.input.js';
import { MentionConnection, MentionType } from './mention.type.js';
import { MentionActionsService } from './mention-actions.service.js';
import { MentionQueryService } from './mention-query.service.js';

/** Mentions listed, and what an agent does with one (reply, assign, make its author a lead). */
@Resolver()
export class MentionResolver {
  constructor(
    private readonly queries: MentionQueryService,
    private readonly actions: MentionActionsService,
  ) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => MentionConnection, {
    description: 'Mentions of the tenant’s tracked brands, newest received first.',
  })
  mentions(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => MentionFilterInput, { nullable: true }) filter: MentionFilterInput | null,
  ) {
    return this.queries.list(operation, first, after, filter);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => TimelineEventType, {
    description: "Replies to a mention; the reply is logged on the author's timeline.",
  })
  replyToMention(
    @Ctx() { operation }: GraphQLContext,
    @Arg('mentionId', () => ID) mentionId: string,
    @Arg('text', () => String) text: string,
  ) {
    return this.actions.reply(operation, mentionId, text);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => MentionType, {
    description: 'Assigns a mention to a user of the tenant (null clears it).',
  })
  assignMention(
    @Ctx() { operation }: GraphQLContext,
    @Arg('mentionId', () => ID) mentionId: string,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
  ) {
    return this.actions.assign(operation, mentionId, userId);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ContactType, {
    description: "Makes the mention's author a lead contact (later stages are kept).",
  })
  markAuthorAsLead(
    @Ctx() { operation }: GraphQLContext,
    @Arg('mentionId', () => ID) mentionId: string,
  ) {
    return this.actions.markAuthorAsLead(operation, mentionId);
  }
}
