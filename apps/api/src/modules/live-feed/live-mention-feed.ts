import type { RequestContext } from '../../platform/context/request-context.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import { flatMapPromptly } from '../../platform/graphql/prompt-return.js';
import type { MentionFilter } from '../mentions/index.js';
import { feedFilterAccepts } from '../mentions/index.js';
import { endOnRefusal, FeedSubscriber } from './feed-subscriber.js';
import type { FeedEntry, MentionFeedService } from './mention-feed.service.js';
import type { TenantFeedChannels } from './tenant-feed-channels.js';

const PAGE = 200;

/**
 * One subscriber's live feed: catches up from its cursor with its own reads (as the
 * subscriber, so authorised), then follows its tenant's shared channel, which reads each new
 * entry once for the whole process and re-checks every subscriber's right to it each tick.
 * A revoked session or key, a removed member or an expired token completes the stream.
 */
export class LiveMentionFeed {
  constructor(
    private readonly feed: MentionFeedService,
    private readonly channels: TenantFeedChannels,
  ) {}

  /** Authorises now (a refusal is the subscription's error result), then follows the feed. */
  async open(
    ctx: RequestContext,
    filter: MentionFilter,
    after: string | null,
  ): Promise<AsyncIterableIterator<FeedEntry>> {
    return entriesOf(await this.openBatches(ctx, filter, after));
  }

  /**
   * The same feed, as batches: everything that arrived since the last one. Subscribers at the
   * same cursor receive the same array (their execution and JSON are shared) unless their
   * filter leaves part of it out. From `after`, or from now; a cursor beyond the feed's head
   * was never handed out.
   */
  async openBatches(
    ctx: RequestContext,
    filter: MentionFilter,
    after: string | null,
  ): Promise<AsyncGenerator<readonly FeedEntry[]>> {
    const head = await this.feed.headInOwnTransaction(ctx);
    if (after !== null && BigInt(after) > BigInt(head))
      throw badUserInput([{ field: 'after', message: 'is not a cursor of this feed' }]);
    return this.follow(ctx, filter, after ?? head, head);
  }

  /**
   * Joins the channel now and follows it. A generator waiting for the next wake only sees a
   * `return()` (the client unsubscribed or hung up) once it wakes, so `return()` first ends
   * the member: the stream stops and leaves its channel at once, not at the tenant's next event.
   */
  private follow(
    ctx: RequestContext,
    filter: MentionFilter,
    from: string,
    head: string,
  ): AsyncGenerator<readonly FeedEntry[]> {
    const member = new FeedSubscriber(ctx);
    const membership = this.channels.join(ctx.requestedTenantId ?? '', head, member);
    const stream = this.read(ctx, filter, from, member, membership);
    const finish = stream.return.bind(stream);
    stream.return = (value) => {
      member.end();
      return finish(value);
    };
    return stream;
  }

  private async *read(
    ctx: RequestContext,
    filter: MentionFilter,
    from: string,
    member: FeedSubscriber,
    { channel, leave }: ReturnType<TenantFeedChannels['join']>,
  ): AsyncGenerator<readonly FeedEntry[]> {
    let cursor = from;
    try {
      while (!member.ended) {
        member.woken = false;
        const entries = channel.entriesAfter(cursor) ?? (await this.catchUp(ctx, cursor));
        if (!entries) return;
        if (!entries.length) {
          await member.sleep();
          continue;
        }
        cursor = entries[entries.length - 1]?.cursor ?? cursor;
        const accepted = entries.filter((entry) => feedFilterAccepts(filter, entry.mention));
        if (accepted.length) yield accepted.length === entries.length ? entries : accepted;
      }
    } finally {
      leave();
    }
  }

  /** The subscriber's own read while it is behind the channel's memory; null once refused. */
  private catchUp(ctx: RequestContext, cursor: string): Promise<FeedEntry[] | null> {
    return this.feed.readAfter(ctx, cursor, PAGE).catch(endOnRefusal);
  }
}

/** Batches entry by entry (the same entry objects for every subscriber). */
function entriesOf(
  batches: AsyncGenerator<readonly FeedEntry[]>,
): AsyncIterableIterator<FeedEntry> {
  return flatMapPromptly(batches, (batch) => batch);
}
