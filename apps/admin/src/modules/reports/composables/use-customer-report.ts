import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { toAppError } from '../../../lib/graphql-errors.js';
import { AgencyCustomerReportQuery } from '../reports.documents.js';

/** An agency's customer bases as they are now: each tenant and the total (no period). */
export function useAgencyCustomerReport(agencyId: Ref<string | null>) {
  const query = useQuery({
    query: AgencyCustomerReportQuery,
    variables: computed(() => ({ agencyId: agencyId.value ?? '' })),
    pause: computed(() => !agencyId.value),
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Tenant'] },
  });
  return {
    report: computed(() => query.data.value?.agencyCustomerReport ?? null),
    fetching: query.fetching,
    error: computed(() => toAppError(query.error.value)),
  };
}
