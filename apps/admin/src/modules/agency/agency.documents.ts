import { graphql, type ResultOf } from '../../graphql.js';

export const AgencyOverviewQuery = graphql(`
  query AgencyOverview($agencyId: ID!, $period: StatsPeriodInput!) {
    agencyOverview(agencyId: $agencyId, period: $period) {
      agency { id name slug }
      tenantCount
      tenants {
        tenant { id name slug }
        mentions
        netSentiment
        ownShareByMentions
        trend { bucketStart mentions }
      }
    }
  }
`);

export type TenantOverview = ResultOf<
  typeof AgencyOverviewQuery
>['agencyOverview']['tenants'][number];

export const CreateTenantMutation = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) { id name slug agency { id name } }
  }
`);
