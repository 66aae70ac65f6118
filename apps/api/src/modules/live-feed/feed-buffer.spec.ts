import { describe, expect, it } from 'vitest';
import { FeedBuffer } from './feed-buffer.js';
import type { FeedEntry } from './mention-feed.service.js';

const entry = (seq: number): FeedEntry =>
  ({ cursor: String(seq), kind: 'CREATED', mention: { id: `m${seq}` } }) as unknown as FeedEntry;
const seqsOf = (entries: readonly FeedEntry[] | null) =>
  entries?.map((e) => Number(e.cursor)) ?? null;

describe(FeedBuffer.name, () => {
  it('serves the entries after any cursor it still reaches, and null before that', () => {
    const buffer = new FeedBuffer('10', 100);
    buffer.append([11, 14, 15, 20].map(entry), '20');
    expect(seqsOf(buffer.after('10'))).toEqual([11, 14, 15, 20]);
    expect(seqsOf(buffer.after('12'))).toEqual([14, 15, 20]);
    expect(seqsOf(buffer.after('15'))).toEqual([20]);
    expect(seqsOf(buffer.after('20'))).toEqual([]);
    expect(buffer.after('9')).toBeNull();
  });

  it('adds each entry once when a read overlaps a hand-off of the same entries', () => {
    const buffer = new FeedBuffer('0', 100);
    expect(buffer.append([1, 2, 3].map(entry), '3')).toBe(true);
    // A read that started before the hand-off returns an overlapping, longer range.
    expect(buffer.append([2, 3, 4, 5].map(entry), '5')).toBe(true);
    expect(buffer.append([4, 5].map(entry), '5')).toBe(false);
    expect(seqsOf(buffer.after('0'))).toEqual([1, 2, 3, 4, 5]);
    expect(buffer.head).toBe('5');
  });

  it('moves the head past a gap without an entry for it, and never back', () => {
    const buffer = new FeedBuffer('0', 100);
    expect(buffer.append([], '7')).toBe(false);
    expect(buffer.head).toBe('7');
    buffer.append([entry(3)], '3');
    expect(buffer.head).toBe('7');
    expect(seqsOf(buffer.after('0'))).toEqual([]);
  });

  it('drops the oldest entries beyond its capacity and stops reaching back to them', () => {
    const buffer = new FeedBuffer('0', 3);
    buffer.append([1, 2, 3, 4, 5].map(entry), '5');
    expect(seqsOf(buffer.after('2'))).toEqual([3, 4, 5]);
    expect(buffer.after('1')).toBeNull();
  });
});
