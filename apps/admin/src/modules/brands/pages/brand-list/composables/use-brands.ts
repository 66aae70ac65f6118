import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref, ref, watch } from 'vue';
import type { SortingState } from '../../../../../lib/data-table.js';
import { toAppError } from '../../../../../lib/graphql-errors.js';
import { BrandsQuery, DeleteBrandMutation } from '../../../brand.documents.js';

export const PAGE_SIZE = 20;
// An empty page holds no TrackedBrand, so name the type for urql's cache to invalidate it.
const BRAND_TYPES = { additionalTypenames: ['TrackedBrand'] };

/** Table columns the api sorts by, and its names for them. */
export const SORT_FIELDS = {
  name: 'NAME',
  createdAt: 'CREATED_AT',
  mentionCount: 'MENTION_COUNT',
  lastMentionAt: 'LAST_MENTION_AT',
} as const;

/** The table's sorting as the api's `sort` argument (newest first when unsorted). */
export function toBrandSort(sorting: SortingState) {
  const first = sorting[0];
  const field = first ? SORT_FIELDS[first.id as keyof typeof SORT_FIELDS] : undefined;
  if (!first || !field) return null;
  return { field, direction: first.desc ? ('DESC' as const) : ('ASC' as const) };
}

/** One page of brands matching a search, in the api's order (cursor pages with a back stack). */
export function useBrands(search: Ref<string>, sorting: Ref<SortingState>) {
  const cursors = ref<(string | null)[]>([null]);
  const after = computed(() => cursors.value[cursors.value.length - 1] ?? null);
  // Another search or order starts again from the first page.
  watch([search, () => JSON.stringify(sorting.value)], () => {
    cursors.value = [null];
  });
  const query = useQuery({
    query: BrandsQuery,
    variables: computed(() => ({
      first: PAGE_SIZE,
      after: after.value,
      search: search.value.trim() || null,
      sort: toBrandSort(sorting.value),
    })),
    context: BRAND_TYPES,
    requestPolicy: 'cache-and-network',
  });
  const remove = useMutation(DeleteBrandMutation);

  const brands = computed(() => query.data.value?.brands.edges.map((edge) => edge.node) ?? []);
  const totalCount = computed(() => query.data.value?.brands.totalCount ?? 0);
  const pageInfo = computed(() => query.data.value?.brands.pageInfo ?? null);
  const error = computed(() => toAppError(query.error.value));
  const deleteError = ref<ReturnType<typeof toAppError>>(null);

  function nextPage(): void {
    const cursor = pageInfo.value?.endCursor;
    if (pageInfo.value?.hasNextPage && cursor) cursors.value = [...cursors.value, cursor];
  }

  function previousPage(): void {
    if (cursors.value.length > 1) cursors.value = cursors.value.slice(0, -1);
  }

  async function deleteBrand(id: string): Promise<boolean> {
    const result = await remove.executeMutation({ id }, BRAND_TYPES);
    deleteError.value = toAppError(result.error);
    return !result.error;
  }

  return {
    brands,
    totalCount,
    pageInfo,
    page: computed(() => cursors.value.length),
    fetching: query.fetching,
    error,
    deleting: remove.fetching,
    deleteError,
    nextPage,
    previousPage,
    deleteBrand,
  };
}
