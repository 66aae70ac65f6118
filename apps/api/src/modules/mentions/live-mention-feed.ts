import type { RequestContext } from '../../platform/context/request-context.js';
import { AppError, ErrorCode } from '../../platform/errors/app-error.js';
import type { FeedSignals } from '../../platform/pubsub/feed-signals.js';
import type { MentionFilter } from './inputs/mention-filter.input.js';
import type { MentionFeedEvent } from './mention.type.js';
import type { MentionFeedService } from './mention-feed.service.js';
import { feedFilterAccepts } from './mention-filter.js';

const PAGE = 200;
/** Also read without a signal this often: signals can be lost, and revocation must bite. */
const POLL_MS = 1_000;

/**
 * One subscriber's live feed: catches up from its cursor, then follows the tenant's signals.
 * Every read runs as the subscriber (session and membership re-checked), so a revoked token or
 * a removed member stops receiving within about a second; so does an expired access token.
 */
export class LiveMentionFeed {
  constructor(
    private readonly feed: MentionFeedService,
    private readonly signals: FeedSignals,
  ) {}

  /** Authorises now (a refusal is the subscription's error result), then follows the feed. */
  async open(
    ctx: RequestContext,
    filter: MentionFilter,
    after: string | null,
  ): Promise<AsyncGenerator<MentionFeedEvent>> {
    const head = await this.feed.head(ctx);
    return this.follow(ctx, filter, after ?? head);
  }

  private async *follow(
    ctx: RequestContext,
    filter: MentionFilter,
    from: string,
  ): AsyncGenerator<MentionFeedEvent> {
    let cursor = from;
    const tenantId = ctx.requestedTenantId ?? '';
    let wake: (() => void) | null = null;
    let signalled = false;
    const unsubscribe = this.signals.subscribe(tenantId, () => {
      signalled = true;
      wake?.();
    });
    try {
      for (;;) {
        if (ctx.principal.kind === 'user' && ctx.principal.expiresAt <= Date.now()) return;
        signalled = false;
        const entries = await this.readOrEnd(ctx, cursor);
        if (!entries) return;
        for (const entry of entries) {
          cursor = entry.seq;
          if (feedFilterAccepts(filter, entry.mention))
            yield { cursor: entry.seq, kind: entry.kind, mention: entry.mention };
        }
        if (entries.length === PAGE || signalled) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, POLL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    } finally {
      unsubscribe();
    }
  }

  /** The next entries, or null once the subscriber may no longer read (the stream completes). */
  private async readOrEnd(ctx: RequestContext, cursor: string) {
    try {
      return await this.feed.readAfter(ctx, cursor, PAGE);
    } catch (error) {
      const code = error instanceof AppError ? error.code : null;
      if (code === ErrorCode.Unauthenticated || code === ErrorCode.Forbidden) return null;
      throw error;
    }
  }
}
