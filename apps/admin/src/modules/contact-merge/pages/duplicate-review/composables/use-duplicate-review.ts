import { useClientHandle, useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import {
  ContactMergePreviewQuery,
  ContactMergesQuery,
  DismissDuplicateMutation,
  DuplicateContactsQuery,
  MergeContactsMutation,
} from '../../../contact-merge.documents.js';
import type { MergePreviewData } from '../../../merge-plan.js';

export const PAGE_SIZE = 20;
// A merge or a dismissal changes which pairs are suggested and what the history holds.
const MERGE_TYPES = { additionalTypenames: ['DuplicateSuggestion', 'ContactMerge', 'Contact'] };

/** Suggested duplicates with their merge previews, the merge and dismissal, and past merges. */
export function useDuplicateReview() {
  const client = useClientHandle().client;
  const cursors = ref<(string | null)[]>([null]);
  const suggestionsQuery = useQuery({
    query: DuplicateContactsQuery,
    variables: computed(() => ({
      first: PAGE_SIZE,
      after: cursors.value[cursors.value.length - 1] ?? null,
    })),
    context: MERGE_TYPES,
    requestPolicy: 'cache-and-network',
  });
  const mergesQuery = useQuery({
    query: ContactMergesQuery,
    variables: { first: PAGE_SIZE, after: null },
    context: MERGE_TYPES,
    requestPolicy: 'cache-and-network',
  });
  const mergeMutation = useMutation(MergeContactsMutation);
  const dismissMutation = useMutation(DismissDuplicateMutation);

  const previews = ref<Record<string, MergePreviewData>>({});
  const busyId = ref<string | null>(null);
  const actionError = ref<AppErrorInfo | null>(null);
  const mergedInto = ref<string | null>(null);
  const dismissed = ref(false);

  async function act<T>(suggestionId: string, action: () => Promise<T>): Promise<T> {
    busyId.value = suggestionId;
    mergedInto.value = null;
    dismissed.value = false;
    try {
      return await action();
    } finally {
      busyId.value = null;
    }
  }

  /** A suggestion is a pair: the other contact merges into the survivor. */
  function preview(suggestionId: string, survivorId: string, mergedId: string) {
    return act(suggestionId, async () => {
      const result = await client
        .query(
          ContactMergePreviewQuery,
          { survivorId, mergedId },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      actionError.value = toAppError(result.error);
      const data = result.data;
      if (!data) return;
      const companies = {
        [data.survivor.id]: data.survivor.companies,
        [data.merged.id]: data.merged.companies,
      };
      previews.value = {
        ...previews.value,
        [suggestionId]: { plan: data.contactMergePreview, companies },
      };
    });
  }

  function merge(suggestionId: string, survivorId: string, mergedIds: string[]) {
    return act(suggestionId, async () => {
      const result = await mergeMutation.executeMutation({ survivorId, mergedIds }, MERGE_TYPES);
      actionError.value = toAppError(result.error);
      mergedInto.value = result.data?.mergeContacts.contact.displayName ?? null;
    });
  }

  function dismiss(suggestionId: string, contactIds: string[]) {
    return act(suggestionId, async () => {
      const result = await dismissMutation.executeMutation({ contactIds }, MERGE_TYPES);
      actionError.value = toAppError(result.error);
      dismissed.value = !result.error;
    });
  }

  const connection = computed(() => suggestionsQuery.data.value?.duplicateContacts ?? null);
  return {
    suggestions: computed(() => connection.value?.edges.map((edge) => edge.node) ?? []),
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    pageInfo: computed(() => connection.value?.pageInfo ?? null),
    page: computed(() => cursors.value.length),
    nextPage: () => {
      const cursor = connection.value?.pageInfo.endCursor;
      if (connection.value?.pageInfo.hasNextPage && cursor)
        cursors.value = [...cursors.value, cursor];
    },
    previousPage: () => {
      if (cursors.value.length > 1) cursors.value = cursors.value.slice(0, -1);
    },
    fetching: suggestionsQuery.fetching,
    error: computed(() => toAppError(suggestionsQuery.error.value)),
    merges: computed(
      () => mergesQuery.data.value?.contactMerges.edges.map((edge) => edge.node) ?? [],
    ),
    mergesFetching: mergesQuery.fetching,
    previews,
    busyId,
    actionError,
    mergedInto,
    dismissed,
    preview,
    merge,
    dismiss,
  };
}
