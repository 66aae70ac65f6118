import {
  Arg,
  Authorized,
  Ctx,
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
import { MentionFilterInput, mentionFilterSchema } from '../mentions/index.js';
import { MentionFeedService } from './mention-feed.service.js';
import { MentionFeedEvent } from './mention-feed-event.type.js';
import { isFeedSeq } from './signals/feed-signals.js';

@Resolver()
export class LiveFeedResolver {
  constructor(private readonly feed: MentionFeedService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => String, {
    description:
      'The live feed’s latest cursor. Read it, list what you need, then subscribe with it as `after`: nothing falls in between.',
  })
  mentionFeedCursor(@Ctx() { operation }: GraphQLContext) {
    return this.feed.head(operation);
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
