import type { IsolationArea } from './area.js';

const PERIOD = '{ from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }';

/**
 * The reports, aimed at tenant B: its marketing report through its header, and the marketing
 * and customer reports of agency South, which runs B and of which no attacker is staff.
 * (`reports.spec.ts` and `agency-customer-report.spec.ts` check that an agency's reports hold
 * only that agency's tenants.)
 */
export const reportsArea: IsolationArea = {
  async prepare() {
    return {};
  },
  operations: {
    marketingReport: {
      document: `{ marketingReport(period: ${PERIOD}) { awareness { mentions { current } } } }`,
      variables: () => ({}),
    },
    agencyMarketingReport: {
      document: `query($agencyId: ID!) { agencyMarketingReport(agencyId: $agencyId, period: ${PERIOD}) { tenants { tenant { id } } total { sales { orders { current } } } } }`,
      variables: (world) => ({ agencyId: world.agencies.south }),
    },
    agencyCustomerReport: {
      document: `query($agencyId: ID!) { agencyCustomerReport(agencyId: $agencyId) { tenants { tenant { id } } total { contacts referrals } } }`,
      variables: (world) => ({ agencyId: world.agencies.south }),
    },
  },
};
