import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  type SubscribeResolverData,
  Subscription,
} from 'type-graphql';
import { z } from 'zod';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { parseInput } from '../../platform/graphql/validation.js';
import { isFeedSeq } from '../../platform/pubsub/feed-signals.js';
import { ContactType, TimelineEventType } from '../contacts/contact.type.js';
import { IngestMentionInput } from './inputs/ingest-mention.input.js';
import { MentionFilterInput, mentionFilterSchema } from './inputs/mention-filter.input.js';
import { IngestResult, MentionConnection, MentionFeedEvent, MentionType } from './mention.type.js';
import { MentionActionsService } from './mention-actions.service.js';
import { MentionFeedService } from './mention-feed.service.js';
import { MentionIngestionService } from './mention-ingestion.service.js';
import { MentionQueryService } from './mention-query.service.js';
import { MentionStatsService } from './mention-stats.service.js';
import { MentionStats, StatsPeriodInput, VolumePoint } from './mention-stats.type.js';

@Resolver()
export class MentionResolver {
  constructor(
    private readonly ingestion: MentionIngestionService,
    private readonly queries: MentionQueryService,
    private readonly stats: MentionStatsService,
    private readonly actions: MentionActionsService,
    private readonly feed: MentionFeedService,
  ) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => MentionConnection, {
    description: 'Mentions of the tenant’s tracked brands, newest received first.',
  })
  mentions(
    @Ctx() { request }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => MentionFilterInput, { nullable: true }) filter: MentionFilterInput | null,
  ) {
    return this.queries.list(request, first, after, filter);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => String, {
    description:
      'The live feed’s latest cursor. Read it, list what you need, then subscribe with it as `after`: nothing falls in between.',
  })
  mentionFeedCursor(@Ctx() { request }: GraphQLContext) {
    return this.feed.head(request);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => MentionStats, {
    description: 'Volume, sentiment, share of voice, top authors and spike alerts of a period.',
  })
  mentionStats(
    @Ctx() { request }: GraphQLContext,
    @Arg('period', () => StatsPeriodInput) period: StatsPeriodInput,
    @Arg('filter', () => MentionFilterInput, { nullable: true }) filter: MentionFilterInput | null,
  ) {
    return this.stats.stats(request, period, filter);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => [IngestResult], {
    description:
      'Ingests up to 1,000 posts; idempotent on (channel, externalId). One result per post, in order.',
  })
  ingestMentions(
    @Ctx() { request }: GraphQLContext,
    @Arg('input', () => [IngestMentionInput]) input: IngestMentionInput[],
  ) {
    return this.ingestion.ingest(request, input);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => TimelineEventType, {
    description: "Replies to a mention; the reply is logged on the author's timeline.",
  })
  replyToMention(
    @Ctx() { request }: GraphQLContext,
    @Arg('mentionId', () => ID) mentionId: string,
    @Arg('text', () => String) text: string,
  ) {
    return this.actions.reply(request, mentionId, text);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => MentionType, {
    description: 'Assigns a mention to a user of the tenant (null clears it).',
  })
  assignMention(
    @Ctx() { request }: GraphQLContext,
    @Arg('mentionId', () => ID) mentionId: string,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
  ) {
    return this.actions.assign(request, mentionId, userId);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ContactType, {
    description: "Makes the mention's author a lead contact (later stages are kept).",
  })
  markAuthorAsLead(
    @Ctx() { request }: GraphQLContext,
    @Arg('mentionId', () => ID) mentionId: string,
  ) {
    return this.actions.markAuthorAsLead(request, mentionId);
  }

  // Authorised inside the source, like mentionAdded below.
  @Subscription(() => VolumePoint, {
    description:
      "Today's mention volume whenever it becomes a spike against the trailing days (same detector as `mentionStats`), once a day.",
    subscribe: ({ args, context }) => {
      const { request, live } = context as GraphQLContext;
      return live.spikes.open(request, args.brandIds ?? null);
    },
  })
  spikeAlerts(
    @Root() spike: VolumePoint,
    @Arg('brandIds', () => [ID], { nullable: true, description: 'Only mentions of these brands.' })
    _brandIds: string[] | null,
  ): VolumePoint {
    return spike;
  }

  // Authorised inside the source (every read runs as the subscriber), not with @Authorized,
  // which would run per event outside any transaction's lifetime.
  @Subscription(() => MentionFeedEvent, {
    description:
      'New and edited mentions of the active tenant, live. Pass the last `cursor` seen as `after` to receive what was missed, in order.',
    subscribe: feedSource('open'),
  })
  mentionAdded(
    @Root() event: MentionFeedEvent,
    @Arg('filter', () => MentionFilterInput, { nullable: true }) _filter: MentionFilterInput | null,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
  ): MentionFeedEvent {
    return event;
  }

  @Subscription(() => [MentionFeedEvent], {
    description:
      'The live feed of `mentionAdded` in batches, for high-volume consumers: each message carries every entry (at least one) that arrived since the previous message, in feed order. Same filter, cursors and endings.',
    subscribe: feedSource('openBatches'),
  })
  mentionsAdded(
    @Root() events: MentionFeedEvent[],
    @Arg('filter', () => MentionFilterInput, { nullable: true }) _filter: MentionFilterInput | null,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
  ): MentionFeedEvent[] {
    return events;
  }
}

/** A live-feed subscription's source, entry by entry or in batches, opened as the subscriber. */
function feedSource(open: 'open' | 'openBatches') {
  return ({ args, context }: SubscribeResolverData<unknown, FeedArgs, GraphQLContext>) =>
    context.live.mentions[open](
      context.request,
      parseInput(mentionFilterSchema, args.filter ?? {}, 'filter'),
      parseInput(feedCursorSchema, args.after ?? null, 'after'),
    );
}

/** A feed cursor is a seq this feed handed out (`cursor`, or `mentionFeedCursor`). */
const feedCursorSchema = z.string().refine(isFeedSeq, 'is not a cursor of this feed').nullable();

interface FeedArgs {
  filter?: unknown;
  after?: string | null;
}
