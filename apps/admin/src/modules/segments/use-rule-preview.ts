import { useQuery } from '@urql/vue';
import { computed, type Ref, ref, watch } from 'vue';
import { toAppError } from '../../lib/graphql-errors.js';
import { SegmentPreviewQuery } from './segment.documents.js';

/** The builder's live count: the rule's preview, asked again a moment after the last edit. */
export function useRulePreview(rule: Ref<Record<string, unknown> | null>, delayMs = 400) {
  const settled = ref<Record<string, unknown> | null>(rule.value);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => JSON.stringify(rule.value),
    () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        settled.value = rule.value;
      }, delayMs);
    },
  );
  const query = useQuery({
    query: SegmentPreviewQuery,
    variables: computed(() => ({ rule: settled.value ?? {} })),
    pause: computed(() => settled.value === null),
    requestPolicy: 'network-only',
  });
  return {
    count: computed(() => query.data.value?.segmentPreview.count ?? null),
    sample: computed(() => query.data.value?.segmentPreview.sample ?? []),
    fetching: computed(() => query.fetching.value),
    error: computed(() => toAppError(query.error.value)),
  };
}
