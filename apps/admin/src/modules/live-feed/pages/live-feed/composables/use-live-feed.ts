import { useClientHandle } from '@urql/vue';
import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import { onEnd, pipe, subscribe } from 'wonka';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import { useSessionStore } from '../../../../../stores/session.js';
import {
  type Mention,
  MentionFeedCursorQuery,
  type MentionFeedEvent,
  type MentionFilter,
  MentionsAddedSubscription,
  MentionsQuery,
} from '../../../../mentions/mention.documents.js';
import { useFeedBuffer } from './use-feed-buffer.js';

export const PAGE_SIZE = 50;
/** Live events are applied in batches: a catch-up after a reconnect can bring hundreds. */
const FLUSH_MS = 80;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000];

export type FeedStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * The live feed: the newest page of `mentions`, then `mentionsAdded` batches merged on top.
 * A filter change starts over (new subscription, new first page). The subscription is restarted
 * from the last cursor when it ends (an expired token ends it on the server), fails, or the
 * access token is refreshed, so nothing is missed and nothing is shown twice.
 */
export function useLiveFeed(filter: () => MentionFilter) {
  const { client } = useClientHandle();
  const session = useSessionStore();
  const buffer = useFeedBuffer<Mention>();
  const status = ref<FeedStatus>('connecting');
  const loading = ref(false);
  const loadingMore = ref(false);
  const error = shallowRef<AppErrorInfo | null>(null);
  const endCursor = ref<string | null>(null);
  const hasMore = ref(false);
  const totalCount = ref(0);

  let generation = 0;
  let unsubscribe: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;
  let queue: MentionFeedEvent[] = [];

  function flush(): void {
    flushTimer = undefined;
    const events = queue;
    queue = [];
    buffer.receive(events);
  }

  function stopSubscription(): void {
    clearTimeout(retryTimer);
    unsubscribe?.();
    unsubscribe = null;
  }

  /** Tries `work` again after a growing delay, unless a newer run has started meanwhile. */
  function retryLater(run: number, work: () => void): void {
    if (run !== generation) return;
    status.value = 'reconnecting';
    const delay = RETRY_MS[Math.min(retries, RETRY_MS.length - 1)] ?? 10_000;
    retries += 1;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(work, delay);
  }

  function startSubscription(run: number): void {
    stopSubscription();
    if (run !== generation) return;
    const variables = { filter: filter(), after: buffer.lastCursor.value };
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      retryLater(run, () => startSubscription(run));
    };
    const source = client.subscription(MentionsAddedSubscription, variables);
    const handle = pipe(
      source,
      onEnd(end),
      subscribe((result) => {
        if (run !== generation) return;
        if (result.error) {
          error.value = toAppError(result.error);
          end();
          return;
        }
        const events = result.data?.mentionsAdded;
        if (!events?.length) return;
        status.value = 'live';
        retries = 0;
        error.value = null;
        queue.push(...events);
        flushTimer ??= setTimeout(flush, FLUSH_MS);
      }),
    );
    unsubscribe = () => {
      ended = true;
      handle.unsubscribe();
    };
    if (status.value !== 'reconnecting') status.value = 'live';
  }

  async function loadFirstPage(run: number): Promise<void> {
    loading.value = true;
    const result = await client
      .query(
        MentionsQuery,
        { first: PAGE_SIZE, after: null, filter: filter() },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (run !== generation) return;
    loading.value = false;
    error.value = toAppError(result.error);
    const connection = result.data?.mentions;
    if (!connection) return;
    buffer.seed(connection.edges.map((edge) => edge.node));
    endCursor.value = connection.pageInfo.endCursor ?? null;
    hasMore.value = connection.pageInfo.hasNextPage;
    totalCount.value = connection.totalCount;
  }

  /** Older mentions below the loaded ones (infinite scroll). */
  async function loadMore(): Promise<void> {
    if (loadingMore.value || loading.value || !hasMore.value) return;
    const run = generation;
    loadingMore.value = true;
    const result = await client
      .query(
        MentionsQuery,
        { first: PAGE_SIZE, after: endCursor.value, filter: filter() },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (run !== generation) return;
    loadingMore.value = false;
    error.value = toAppError(result.error);
    const connection = result.data?.mentions;
    if (!connection) return;
    buffer.appendOlder(connection.edges.map((edge) => edge.node));
    endCursor.value = connection.pageInfo.endCursor ?? null;
    hasMore.value = connection.pageInfo.hasNextPage;
  }

  /**
   * Starts over with the current filter: reads the feed's cursor, then lists and subscribes
   * after that cursor, so nothing falls between the two (a mention in both is shown once).
   */
  async function restart(): Promise<void> {
    generation += 1;
    const run = generation;
    stopSubscription();
    clearTimeout(flushTimer);
    flushTimer = undefined;
    queue = [];
    retries = 0;
    buffer.reset();
    endCursor.value = null;
    hasMore.value = false;
    loadingMore.value = false;
    // Loading from now on: the list is empty until the first page, and not because nothing matches.
    loading.value = true;
    status.value = 'connecting';
    await startAtFeedCursor(run);
  }

  /**
   * Reads the feed's cursor, then subscribes after it and lists. Without the cursor it does
   * not subscribe "from now" (that would reopen the gap): it shows the error and tries again.
   */
  async function startAtFeedCursor(run: number): Promise<void> {
    const cursor = await client
      .query(MentionFeedCursorQuery, {}, { requestPolicy: 'network-only' })
      .toPromise();
    if (run !== generation) return;
    if (!cursor.data) {
      error.value = toAppError(cursor.error);
      retryLater(run, () => void startAtFeedCursor(run));
      return;
    }
    buffer.lastCursor.value = cursor.data.mentionFeedCursor;
    startSubscription(run);
    void loadFirstPage(run);
  }

  watch(filter, () => void restart(), { deep: true, immediate: true });
  // A refreshed token reconnects the socket (see urql-client); pick up from the last cursor.
  watch(
    () => session.tokens?.accessToken,
    (token, previous) => {
      // Not before the feed's cursor is read: that start subscribes itself.
      if (token && previous && token !== previous && buffer.lastCursor.value !== null)
        startSubscription(generation);
    },
  );
  onScopeDispose(() => {
    generation += 1;
    stopSubscription();
    clearTimeout(flushTimer);
  });

  return {
    items: buffer.items,
    newCount: buffer.newCount,
    paused: buffer.paused,
    pause: buffer.pause,
    patch: buffer.patch,
    resume: buffer.resume,
    status,
    loading,
    loadingMore,
    error,
    hasMore,
    totalCount,
    loadMore,
  };
}
