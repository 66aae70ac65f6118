import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { graphql } from '../../../graphql.js';
import { groupTenantsByAgency } from '../../../lib/tenant-groups.js';

export const MeQuery = graphql(`
  query Me {
    me {
      user { id name email locale }
      tenants {
        role
        tenant { id name slug agency { id name } }
      }
      agencies { role agency { id name } }
    }
  }
`);

/** The signed-in user, every tenant they reach (grouped by agency) and their role in each. */
export function useMe() {
  const query = useQuery({ query: MeQuery });
  const me = computed(() => query.data.value?.me ?? null);
  const tenantGroups = computed(() => groupTenantsByAgency(me.value?.tenants ?? []));
  return { query, me, tenantGroups };
}
