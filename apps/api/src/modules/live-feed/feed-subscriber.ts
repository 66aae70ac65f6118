import type { RequestContext } from '../../platform/context/request-context.js';
import { AppError, ErrorCode } from '../../platform/errors/app-error.js';
import type { FeedReader } from './mention-feed.service.js';
import type { ChannelMember } from './tenant-feed-channels.js';

/**
 * A live subscriber's membership of its tenant's channel: the channel wakes it when there is
 * more and ends it when the reader lost access; the subscriber's loop sleeps between.
 */
export class FeedSubscriber implements ChannelMember {
  readonly reader: FeedReader;
  readonly expiresAt: number | null;
  /** Set by every wake since the loop last cleared it, so no wake is missed while busy. */
  woken = false;
  ended = false;
  private resume: () => void = () => {};

  constructor(ctx: RequestContext) {
    this.reader = readerOf(ctx);
    this.expiresAt = ctx.principal.kind === 'user' ? ctx.principal.expiresAt : null;
  }

  wake(): void {
    this.woken = true;
    this.resume();
  }

  end(): void {
    this.ended = true;
    this.resume();
  }

  /** Resolves at the next wake or end; at once if one came since `woken` was cleared. */
  sleep(): Promise<void> {
    if (this.woken || this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      this.resume = resolve;
    });
  }
}

/** A live stream ends (completes) when its reader loses access; other errors propagate. */
export function endOnRefusal(error: unknown): null {
  const code = error instanceof AppError ? error.code : null;
  if (code === ErrorCode.Unauthenticated || code === ErrorCode.Forbidden) return null;
  throw error;
}

function readerOf(ctx: RequestContext): FeedReader {
  const { principal } = ctx;
  if (principal.kind === 'user')
    return { kind: 'user', userId: principal.userId, sessionId: principal.sessionId };
  if (principal.kind === 'apiKey') return { kind: 'apiKey', apiKeyId: principal.apiKeyId };
  throw new AppError(ErrorCode.Unauthenticated, 'Sign-in required');
}
