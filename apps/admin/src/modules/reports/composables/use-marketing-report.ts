import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { toAppError } from '../../../lib/graphql-errors.js';
import { AgencyMarketingReportQuery, MarketingReportQuery } from '../reports.documents.js';

type PeriodInput = { from: string; to: string };

/** The active tenant's report of a period. */
export function useMarketingReport(period: Ref<PeriodInput>) {
  const query = useQuery({
    query: MarketingReportQuery,
    variables: computed(() => ({ period: period.value })),
    requestPolicy: 'cache-and-network',
  });
  return {
    report: computed(() => query.data.value?.marketingReport ?? null),
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
  };
}

/** An agency's report of a period: each tenant and the total. */
export function useAgencyMarketingReport(agencyId: Ref<string | null>, period: Ref<PeriodInput>) {
  const query = useQuery({
    query: AgencyMarketingReportQuery,
    variables: computed(() => ({ agencyId: agencyId.value ?? '', period: period.value })),
    pause: computed(() => !agencyId.value),
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Tenant'] },
  });
  return {
    report: computed(() => query.data.value?.agencyMarketingReport ?? null),
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
  };
}
