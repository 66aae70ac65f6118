import { logFailure } from '../../platform/errors/log-failure.js';
import { FeedBuffer } from './feed-buffer.js';
import { observeFeedLag } from './feed-metrics.js';
import type {
  DispatchedEntries,
  FeedEntry,
  FeedReader,
  MentionFeedService,
} from './mention-feed.service.js';
import type { FeedSignals } from './signals/feed-signals.js';

const PAGE = 500;
/** Entries kept in memory per tenant, so subscribers that lag a little never touch the database. */
const BUFFER = 5_000;

/** A local subscriber as the channel sees it: told when there is more, or when it must stop. */
export interface ChannelMember {
  readonly reader: FeedReader;
  /** Access-token expiry (ms since epoch), or null for API keys. */
  readonly expiresAt: number | null;
  wake(): void;
  end(): void;
}

/**
 * One reader of a tenant's feed per api process: entries this process dispatched are handed
 * to it directly; on a signal of entries beyond its head (another replica's, or a gap) and on
 * every poll tick (for lost signals) it reads them once. It keeps them in a bounded buffer and
 * wakes the process's subscribers of that tenant. Every tick it also re-checks all of them in one query
 * and ends those whose session, key or membership is gone, or whose token expired.
 */
class TenantChannel {
  readonly members = new Set<ChannelMember>();
  private readonly buffer: FeedBuffer;
  private reading: Promise<void> | null = null;
  private stale = false;
  private readonly unsubscribe: () => void;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly tenantId: string,
    start: string,
    private readonly feed: MentionFeedService,
    signals: FeedSignals,
    pollMs: number,
  ) {
    this.buffer = new FeedBuffer(start, BUFFER);
    this.unsubscribe = signals.subscribe(tenantId, (signal) => {
      if (Number(signal.seq) > Number(this.buffer.head)) this.refresh();
    });
    this.timer = setInterval(() => {
      this.refresh();
      void this.recheck();
    }, pollMs);
    this.timer.unref();
  }

  /** Entries after `cursor` from memory, or null when the buffer no longer reaches back there. */
  entriesAfter(cursor: string): readonly FeedEntry[] | null {
    return this.buffer.after(cursor);
  }

  close(): void {
    clearInterval(this.timer);
    this.unsubscribe();
  }

  refresh(): void {
    if (this.reading) {
      this.stale = true;
      return;
    }
    this.reading = this.readNew()
      .catch((error) => logFailure('[api] feed read failed', error))
      .finally(() => {
        this.reading = null;
        if (this.stale) {
          this.stale = false;
          this.refresh();
        }
      });
  }

  /** A dispatch of this process: taken as is when it follows the head, else read. */
  accept(dispatched: DispatchedEntries): void {
    if (dispatched.after === this.buffer.head) this.append(dispatched.entries, dispatched.head);
    else if (Number(dispatched.head) > Number(this.buffer.head)) this.refresh();
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const from = this.buffer.head;
      const entries = await this.feed.readAfterAsSystem(this.tenantId, from, PAGE);
      if (!entries.length) return;
      this.append(entries, entries.at(-1)?.cursor ?? from);
      if (entries.length < PAGE) return;
    }
  }

  private append(entries: readonly FeedEntry[], head: string): void {
    observeFeedLag(entries);
    if (this.buffer.append(entries, head)) for (const member of this.members) member.wake();
  }

  private async recheck(): Promise<void> {
    const members = [...this.members];
    if (!members.length) return;
    try {
      const now = Date.now();
      const allowed = await this.feed.stillAllowed(
        this.tenantId,
        members.map((member) => member.reader),
      );
      members.forEach((member, index) => {
        if (!allowed[index] || (member.expiresAt !== null && member.expiresAt <= now)) member.end();
      });
    } catch (error) {
      logFailure('[api] feed subscribers re-check failed', error);
    }
  }
}

/** The process's tenant channels, opened with the first subscriber and closed with the last. */
export class TenantFeedChannels {
  private readonly channels = new Map<string, TenantChannel>();

  constructor(
    private readonly feed: MentionFeedService,
    private readonly signals: FeedSignals,
    private readonly pollMs: number,
  ) {
    feed.handOffTo({
      follow: (tenantId) => this.channels.has(tenantId),
      accept: (tenantId, dispatched) => this.channels.get(tenantId)?.accept(dispatched),
    });
  }

  join(
    tenantId: string,
    head: string,
    member: ChannelMember,
  ): { channel: Pick<TenantChannel, 'entriesAfter'>; leave(): void } {
    let channel = this.channels.get(tenantId);
    if (!channel) {
      channel = new TenantChannel(tenantId, head, this.feed, this.signals, this.pollMs);
      this.channels.set(tenantId, channel);
      // `head` was read before this join: what was dispatched in between was handed to no
      // channel and its signal may have come and gone, so a new channel reads it now.
      channel.refresh();
    }
    channel.members.add(member);
    const joined = channel;
    return {
      channel: joined,
      leave: () => {
        joined.members.delete(member);
        if (!joined.members.size && this.channels.get(tenantId) === joined) {
          joined.close();
          this.channels.delete(tenantId);
        }
      },
    };
  }

  /** Live subscriptions this process holds (readiness reports it to the operator). */
  subscriberCount(): number {
    let count = 0;
    for (const channel of this.channels.values()) count += channel.members.size;
    return count;
  }

  close(): void {
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
  }
}
