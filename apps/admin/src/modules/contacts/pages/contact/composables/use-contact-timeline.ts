import { useClientHandle } from '@urql/vue';
import { type Ref, shallowRef, watch } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import {
  ContactTimelineQuery,
  type TimelineEvent,
  type TimelineEventKind,
} from '../../../timeline.documents.js';

export const TIMELINE_PAGE_SIZE = 25;

export interface TimelineFilterState {
  kind: TimelineEventKind | '';
  channel: string;
}

/**
 * A contact's timeline, newest first, a page at a time ("load more" follows the api's cursor).
 * Another filter starts again; an answer to an earlier filter is dropped.
 */
export function useContactTimeline(contactId: () => string, filter: Ref<TimelineFilterState>) {
  const client = useClientHandle().client;
  const events = shallowRef<TimelineEvent[]>([]);
  const cursor = shallowRef<string | null>(null);
  const hasMore = shallowRef(false);
  const fetching = shallowRef(false);
  const error = shallowRef<AppErrorInfo | null>(null);
  let generation = 0;

  async function fetchPage(): Promise<void> {
    const mine = generation;
    fetching.value = true;
    const { kind, channel } = filter.value;
    const result = await client
      .query(
        ContactTimelineQuery,
        {
          contactId: contactId(),
          first: TIMELINE_PAGE_SIZE,
          after: cursor.value,
          filter: { kinds: kind ? [kind] : null, channels: channel ? [channel] : null },
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (mine !== generation) return;
    fetching.value = false;
    error.value = toAppError(result.error);
    const page = result.data?.contactTimeline;
    if (!page) return;
    events.value = [...events.value, ...page.edges.map((edge) => edge.node)];
    cursor.value = page.pageInfo.endCursor ?? null;
    hasMore.value = page.pageInfo.hasNextPage;
  }

  function reload(): Promise<void> {
    generation += 1;
    events.value = [];
    cursor.value = null;
    return fetchPage();
  }

  /** An entry changed in place (an edited note). */
  function replace(event: TimelineEvent): void {
    events.value = events.value.map((entry) => (entry.id === event.id ? event : entry));
  }

  watch([contactId, () => JSON.stringify(filter.value)], reload, { immediate: true });

  return {
    events,
    hasMore,
    fetching,
    error,
    reload,
    replace,
    loadMore: () => (fetching.value || !hasMore.value ? Promise.resolve() : fetchPage()),
  };
}
