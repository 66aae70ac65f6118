import type { IsolationArea } from './area.js';

const PERIOD = '{ from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }';

/**
 * The marketing reports, aimed at tenant B: its report through its header, and the report of
 * agency South, which runs B and of which no attacker is staff. (`reports.spec.ts` checks
 * that an agency's report holds only that agency's tenants.)
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
  },
};
