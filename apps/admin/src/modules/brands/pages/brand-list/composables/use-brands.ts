import { useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { toAppError } from '../../../../../lib/graphql-errors.js';
import { BrandsQuery, DeleteBrandMutation } from '../../../brand.documents.js';

export const PAGE_SIZE = 20;
// An empty page holds no TrackedBrand, so name the type for urql's cache to invalidate it.
const BRAND_TYPES = { additionalTypenames: ['TrackedBrand'] };

/** One page of brands (cursor pagination with a back stack) and deletion. */
export function useBrands() {
  const cursors = ref<(string | null)[]>([null]);
  const after = computed(() => cursors.value[cursors.value.length - 1] ?? null);
  const query = useQuery({
    query: BrandsQuery,
    variables: computed(() => ({ first: PAGE_SIZE, after: after.value })),
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
