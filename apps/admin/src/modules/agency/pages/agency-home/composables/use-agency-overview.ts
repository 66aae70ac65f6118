import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { toAppError } from '../../../../../lib/graphql-errors.js';
import { AgencyOverviewQuery, CreateTenantMutation } from '../../../agency.documents.js';
import { agencyPeriod, type PeriodDays } from './agency-period.js';

/** The agency home's numbers for one period, and workspace creation. */
export function useAgencyOverview(agencyId: Ref<string | null>, days: Ref<PeriodDays>) {
  const query = useQuery({
    query: AgencyOverviewQuery,
    variables: computed(() => ({
      agencyId: agencyId.value ?? '',
      period: agencyPeriod(days.value, Date.now()),
    })),
    pause: computed(() => !agencyId.value),
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Tenant'] },
  });
  const create = useMutation(CreateTenantMutation);
  const overview = computed(() => query.data.value?.agencyOverview ?? null);
  const error = computed(() => toAppError(query.error.value));
  return {
    overview,
    rows: computed(() => overview.value?.tenants ?? []),
    fetching: query.fetching,
    error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
    create,
  };
}
