import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, toMentionFilter } from './feed-filter.js';
import { useFeedBuffer } from './use-feed-buffer.js';

interface Item {
  id: string;
  text: string;
}
const item = (id: string, text = id): Item => ({ id, text });
let seq = 0;
const event = (mention: Item, kind = 'CREATED') => ({ cursor: `c${++seq}`, kind, mention });
const ids = (list: readonly Item[]) => list.map((entry) => entry.id);

describe('useFeedBuffer', () => {
  it('prepends live mentions newest first and remembers the last cursor', () => {
    const feed = useFeedBuffer<Item>();
    feed.reset([item('b'), item('a')]);
    const first = event(item('c'));
    const second = event(item('d'));
    feed.receive([first, second]);
    expect(ids(feed.items.value)).toEqual(['d', 'c', 'b', 'a']);
    expect(feed.lastCursor.value).toBe(second.cursor);
  });

  it('shows each mention once: re-deliveries and UPDATED events replace it in place', () => {
    const feed = useFeedBuffer<Item>();
    feed.reset([item('b'), item('a', 'old text')]);
    feed.receive([event(item('a', 'edited'), 'UPDATED'), event(item('b'))]);
    expect(ids(feed.items.value)).toEqual(['b', 'a']);
    expect(feed.items.value[1]?.text).toBe('edited');
  });

  it('applies an update that follows its creation in the same batch', () => {
    const feed = useFeedBuffer<Item>();
    feed.receive([event(item('x', 'v1')), event(item('x', 'v2'), 'UPDATED')]);
    expect(feed.items.value).toEqual([item('x', 'v2')]);
  });

  it('keeps mentions that arrive while paused, counts them, and shows them on resume', () => {
    const feed = useFeedBuffer<Item>();
    feed.reset([item('a')]);
    feed.pause();
    feed.receive([event(item('b')), event(item('c'))]);
    expect(ids(feed.items.value)).toEqual(['a']);
    expect(feed.newCount.value).toBe(2);
    // An edit of a waiting mention stays in the queue, not duplicated.
    feed.receive([event(item('b', 'edited'), 'UPDATED')]);
    expect(feed.newCount.value).toBe(2);
    // An edit of a shown mention applies at once, even while paused.
    feed.receive([event(item('a', 'edited'), 'UPDATED')]);
    expect(feed.items.value).toEqual([item('a', 'edited')]);
    feed.resume();
    expect(feed.paused.value).toBe(false);
    expect(feed.newCount.value).toBe(0);
    expect(feed.items.value).toEqual([item('c'), item('b', 'edited'), item('a', 'edited')]);
  });

  it('merges a first page that arrives after live events without duplicates', () => {
    const feed = useFeedBuffer<Item>();
    feed.receive([event(item('n', 'live'))]);
    feed.seed([item('n', 'stale'), item('m'), item('m')]);
    expect(feed.items.value).toEqual([item('n', 'live'), item('m')]);
  });

  it('appends older pages below, skipping what is shown', () => {
    const feed = useFeedBuffer<Item>();
    feed.reset([item('c'), item('b')]);
    feed.appendOlder([item('b'), item('a')]);
    expect(ids(feed.items.value)).toEqual(['c', 'b', 'a']);
  });

  it('starts over on reset: no items, no pending, no cursor', () => {
    const feed = useFeedBuffer<Item>();
    feed.pause();
    feed.receive([event(item('a'))]);
    feed.reset([item('z')]);
    expect(ids(feed.items.value)).toEqual(['z']);
    expect(feed.newCount.value).toBe(0);
    expect(feed.lastCursor.value).toBeNull();
    feed.receive([event(item('a'))]);
    expect(feed.newCount.value).toBe(1);
  });

  it('handles thousands of mentions in one catch-up', () => {
    const feed = useFeedBuffer<Item>();
    const events = Array.from({ length: 5000 }, (_, index) => event(item(`m${index}`)));
    feed.receive(events);
    feed.receive(events.slice(0, 100));
    expect(feed.items.value).toHaveLength(5000);
    expect(feed.items.value[0]?.id).toBe('m4999');
  });
});

describe('toMentionFilter', () => {
  it('sends only the chosen criteria', () => {
    expect(toMentionFilter(EMPTY_FILTER)).toEqual({});
    expect(
      toMentionFilter({
        ...EMPTY_FILTER,
        brand: ['b1'],
        channel: ['X'],
        sentiment: ['NEGATIVE'],
        language: ['es'],
      }),
    ).toEqual({ brandIds: ['b1'], channels: ['X'], sentiments: ['NEGATIVE'], languages: ['es'] });
  });
});
