import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import { MarketingReportService } from './marketing-report.service.js';
import { ReportsResolver } from './reports.resolver.js';

/**
 * The measurement page: a tenant's marketing figures over a period against the previous one,
 * and an agency's tenants side by side and summed.
 */
export const reportsModule = defineModule({
  name: 'reports',
  resolvers: [ReportsResolver],
  build({ scopes }: { scopes: OperationScopes }) {
    return {
      resolvers: [new ReportsResolver(new MarketingReportService(scopes))],
      offers: {},
    };
  },
});
