import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { toAppError } from '../../../../../lib/graphql-errors.js';
import type { MentionFilter } from '../../../../mentions/mention.documents.js';
import { MentionStatsQuery } from '../../../stats.documents.js';
import { periodFor, type RangeKey } from './chart-data.js';

/** The listening statistics of the chosen range (whole UTC days up to today). */
export function useMentionStats(range: Ref<RangeKey>, filter: () => MentionFilter) {
  const query = useQuery({
    query: MentionStatsQuery,
    variables: computed(() => ({ period: periodFor(range.value, Date.now()), filter: filter() })),
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Mention'] },
  });
  return {
    stats: computed(() => query.data.value?.mentionStats ?? null),
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
