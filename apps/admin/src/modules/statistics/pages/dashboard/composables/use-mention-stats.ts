import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { toAppError } from '../../../../../lib/graphql-errors.js';
import type { MentionFilter } from '../../../../mentions/mention.documents.js';
import { MentionStatsQuery } from '../../../stats.documents.js';
import { type Period, periodInput, previousPeriod } from './chart-data.js';

/**
 * The listening statistics of a period and of the previous period of the same length (asked
 * for separately, as the api suggests), for the same filter.
 */
export function useMentionStats(period: () => Period, filter: () => MentionFilter) {
  const options = {
    query: MentionStatsQuery,
    requestPolicy: 'cache-and-network' as const,
    context: { additionalTypenames: ['Mention'] },
  };
  const current = useQuery({
    ...options,
    variables: computed(() => ({ period: periodInput(period()), filter: filter() })),
  });
  const previous = useQuery({
    ...options,
    variables: computed(() => ({
      period: periodInput(previousPeriod(period())),
      filter: filter(),
    })),
  });
  return {
    stats: computed(() => current.data.value?.mentionStats ?? null),
    previous: computed(() => previous.data.value?.mentionStats ?? null),
    fetching: computed(() => current.fetching.value || previous.fetching.value),
    error: computed(() => toAppError(current.error.value ?? previous.error.value)),
    refresh: () => {
      current.executeQuery({ requestPolicy: 'network-only' });
      previous.executeQuery({ requestPolicy: 'network-only' });
    },
  };
}
