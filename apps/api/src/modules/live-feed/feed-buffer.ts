import type { FeedEntry } from './mention-feed.service.js';

/**
 * A tenant's most recent feed entries, in seq order, holding every entry after `from` up to
 * `head` (at most `capacity`; the oldest are dropped). Appends keep only what follows the
 * head, so a read that overlaps a hand-off of the same entries adds each entry once.
 * Seqs are compared as numbers: they stay far below 2^53.
 */
export class FeedBuffer {
  private entries: FeedEntry[] = [];
  /** `entries`' seqs as numbers, for a binary search per subscriber wake. */
  private seqs: number[] = [];
  private from: number;
  private headSeq: number;
  /** The last answer of `after`, so the subscribers woken by one append share one array. */
  private lastAfter: { cursor: number; entries: FeedEntry[] } | null = null;

  constructor(
    start: string,
    private readonly capacity: number,
  ) {
    this.from = Number(start);
    this.headSeq = this.from;
  }

  /** The last seq the buffer knows of (entries may end before it: gaps are not entries). */
  get head(): string {
    return String(this.headSeq);
  }

  /** Appends the entries beyond the head, then moves the head to `head`; true if any was new. */
  append(entries: readonly FeedEntry[], head: string): boolean {
    const fresh = entries.filter((entry) => Number(entry.cursor) > this.headSeq);
    this.headSeq = Math.max(this.headSeq, Number(head));
    if (!fresh.length) return false;
    this.lastAfter = null;
    this.entries.push(...fresh);
    this.seqs.push(...fresh.map((entry) => Number(entry.cursor)));
    const excess = this.entries.length - this.capacity;
    if (excess > 0) {
      this.seqs.splice(0, excess);
      const dropped = this.entries.splice(0, excess);
      this.from = Number(dropped.at(-1)?.cursor ?? this.from);
    }
    return true;
  }

  /** Entries after `cursor` (not to be changed), or null when the buffer no longer reaches back there. */
  after(cursor: string): readonly FeedEntry[] | null {
    const after = Number(cursor);
    if (after < this.from) return null;
    if (this.lastAfter?.cursor === after) return this.lastAfter.entries;
    let low = 0;
    let high = this.seqs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.seqs[middle] ?? 0) <= after) low = middle + 1;
      else high = middle;
    }
    const entries = low === this.entries.length ? [] : this.entries.slice(low);
    this.lastAfter = { cursor: after, entries };
    return entries;
  }
}
