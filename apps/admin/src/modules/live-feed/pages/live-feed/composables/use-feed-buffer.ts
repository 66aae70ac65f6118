import { computed, ref, shallowRef } from 'vue';

export interface FeedEventLike<T> {
  cursor: string;
  /** CREATED or UPDATED. */
  kind: string;
  mention: T;
}

/**
 * The feed's list, newest first: the first page, older pages appended, live events prepended.
 * One entry per id: a re-delivered or UPDATED mention replaces its entry in place. While paused,
 * new mentions wait in `pending` (counted for the badge); `resume()` shows them on top.
 * `lastCursor` is where the subscription resumes from: the feed's cursor read before the first
 * page, then the last live event's.
 */
export function useFeedBuffer<T extends { id: string }>() {
  const items = shallowRef<readonly T[]>([]);
  const pending = shallowRef<readonly T[]>([]);
  const paused = ref(false);
  const lastCursor = ref<string | null>(null);
  let known = new Set<string>();

  /** A new list (after a filter change): drops everything, the cursor too (read anew). */
  function reset(first: readonly T[] = []): void {
    const unique = dedupe(first);
    items.value = unique;
    pending.value = [];
    lastCursor.value = null;
    known = new Set(unique.map((item) => item.id));
  }

  /**
   * The first page arrived after live events may have: keep the live ones on top, then the
   * page without what they already show.
   */
  function seed(first: readonly T[]): void {
    const fresh = dedupe(first).filter((item) => !known.has(item.id));
    items.value = [...items.value, ...fresh];
    for (const item of fresh) known.add(item.id);
  }

  /** An older page, appended below; mentions already shown stay where they are. */
  function appendOlder(page: readonly T[]): void {
    seed(page);
  }

  /** Live events in delivery order (oldest first). */
  function receive(events: readonly FeedEventLike<T>[]): void {
    if (!events.length) return;
    let shown = items.value;
    let waiting = pending.value;
    const added: T[] = [];
    const replaced = new Map<string, T>();
    for (const { cursor, mention } of events) {
      lastCursor.value = cursor;
      if (known.has(mention.id)) {
        // Also covers an update of a mention added earlier in this very batch.
        const index = added.findIndex((item) => item.id === mention.id);
        if (index >= 0) added[index] = mention;
        else replaced.set(mention.id, mention);
        continue;
      }
      known.add(mention.id);
      added.push(mention);
    }
    if (replaced.size) {
      const swap = (item: T) => replaced.get(item.id) ?? item;
      shown = shown.map(swap);
      waiting = waiting.map(swap);
    }
    const newestFirst = added.reverse();
    if (paused.value) waiting = [...newestFirst, ...waiting];
    else shown = [...newestFirst, ...shown];
    items.value = shown;
    pending.value = waiting;
  }

  /** A mention changed by an action here (assigned…): replaced where it is, if shown. */
  function patch(mention: T): void {
    if (!known.has(mention.id)) return;
    const swap = (item: T) => (item.id === mention.id ? mention : item);
    items.value = items.value.map(swap);
    pending.value = pending.value.map(swap);
  }

  function pause(): void {
    paused.value = true;
  }

  function resume(): void {
    paused.value = false;
    if (pending.value.length) items.value = [...pending.value, ...items.value];
    pending.value = [];
  }

  return {
    items,
    pending,
    newCount: computed(() => pending.value.length),
    paused,
    lastCursor,
    reset,
    seed,
    appendOlder,
    receive,
    patch,
    pause,
    resume,
  };
}

function dedupe<T extends { id: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}
