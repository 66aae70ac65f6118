import { systemContext } from '../../platform/context/request-context.js';
import type { FeedSignals } from '../../platform/pubsub/feed-signals.js';
import type { FeedEntry, FeedReader, MentionFeedService } from './mention-feed.service.js';

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
 * One reader of a tenant's feed per api process: on every signal (and every poll tick, for
 * lost signals) it reads the new entries once, keeps them in a bounded buffer and wakes the
 * process's subscribers of that tenant. Every tick it also re-checks all of them in one query
 * and ends those whose session, key or membership is gone, or whose token expired.
 */
class TenantChannel {
  readonly members = new Set<ChannelMember>();
  private buffer: FeedEntry[] = [];
  /** `buffer`'s seqs as numbers, for a binary search per subscriber wake (seqs stay far below 2^53). */
  private seqs: number[] = [];
  /** The buffer holds every entry after `bufferFrom`, up to `head`. */
  private bufferFrom: string;
  private head: string;
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
    this.bufferFrom = start;
    this.head = start;
    this.unsubscribe = signals.subscribe(tenantId, () => this.refresh());
    this.timer = setInterval(() => {
      this.refresh();
      void this.recheck();
    }, pollMs);
    this.timer.unref();
  }

  /** Entries after `cursor` from memory, or null when the buffer no longer reaches back there. */
  entriesAfter(cursor: string): FeedEntry[] | null {
    const after = Number(cursor);
    if (after < Number(this.bufferFrom)) return null;
    let low = 0;
    let high = this.seqs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.seqs[middle] ?? 0) <= after) low = middle + 1;
      else high = middle;
    }
    return low === this.buffer.length ? [] : this.buffer.slice(low);
  }

  get latest(): string {
    return this.head;
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
      .catch((error) => console.error('[api] feed read failed', error))
      .finally(() => {
        this.reading = null;
        if (this.stale) {
          this.stale = false;
          this.refresh();
        }
      });
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const entries = await this.feed.readAfter(systemContext(this.tenantId), this.head, PAGE);
      if (!entries.length) return;
      this.buffer.push(...entries);
      this.seqs.push(...entries.map((entry) => Number(entry.cursor)));
      this.head = entries.at(-1)?.cursor ?? this.head;
      if (this.buffer.length > BUFFER) {
        this.seqs.splice(0, this.buffer.length - BUFFER);
        const dropped = this.buffer.splice(0, this.buffer.length - BUFFER);
        this.bufferFrom = dropped.at(-1)?.cursor ?? this.bufferFrom;
      }
      for (const member of this.members) member.wake();
      if (entries.length < PAGE) return;
    }
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
      console.error('[api] feed subscribers re-check failed', error);
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
  ) {}

  join(
    tenantId: string,
    head: string,
    member: ChannelMember,
  ): { channel: Pick<TenantChannel, 'entriesAfter' | 'latest'>; leave(): void } {
    let channel = this.channels.get(tenantId);
    if (!channel) {
      channel = new TenantChannel(tenantId, head, this.feed, this.signals, this.pollMs);
      this.channels.set(tenantId, channel);
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

  close(): void {
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
  }
}
