import { useClientHandle } from '@urql/vue';
import { computed, type Ref, shallowRef, watch } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import {
  type ContactRow,
  ContactsQuery,
  type ContactsVariables,
} from '../../../contact.documents.js';

/** Rows fetched per request: enough to fill a tall screen a few times over. */
export const CONTACT_PAGE_SIZE = 100;

/**
 * The contacts list loaded page by page with the api's keyset cursor as the user scrolls:
 * only what was scrolled to is in memory, never the whole set. Another search, filter or
 * order starts again from the top; answers to an earlier one are dropped.
 */
export function useContactPages(query: Ref<Omit<ContactsVariables, 'first' | 'after'>>) {
  const client = useClientHandle().client;
  const rows = shallowRef<ContactRow[]>([]);
  const totalCount = shallowRef<number | null>(null);
  const cursor = shallowRef<string | null>(null);
  const hasMore = shallowRef(true);
  const fetching = shallowRef(false);
  const error = shallowRef<AppErrorInfo | null>(null);
  let generation = 0;

  async function loadMore(): Promise<void> {
    if (fetching.value || !hasMore.value) return;
    const mine = generation;
    fetching.value = true;
    const result = await client
      .query(
        ContactsQuery,
        { ...query.value, first: CONTACT_PAGE_SIZE, after: cursor.value },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (mine !== generation) return;
    fetching.value = false;
    error.value = toAppError(result.error);
    const page = result.data?.contacts;
    if (!page) {
      hasMore.value = false;
      return;
    }
    rows.value = [...rows.value, ...page.edges.map((edge) => edge.node)];
    totalCount.value = page.totalCount;
    cursor.value = page.pageInfo.endCursor ?? null;
    hasMore.value = page.pageInfo.hasNextPage;
  }

  /** Starts again from the first page (another query, or after a bulk change). */
  function reload(): Promise<void> {
    generation += 1;
    rows.value = [];
    cursor.value = null;
    hasMore.value = true;
    fetching.value = false;
    return loadMore();
  }

  watch(() => JSON.stringify(query.value), reload, { immediate: true });

  return {
    rows,
    totalCount,
    hasMore,
    fetching,
    error,
    loadMore,
    reload,
    isEmpty: computed(() => !fetching.value && !error.value && rows.value.length === 0),
  };
}
