import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import { CustomerReportService } from './customer-report.service.js';
import { MarketingReportService } from './marketing-report.service.js';
import { ReportsResolver } from './reports.resolver.js';

/**
 * The measurement page: a tenant's marketing figures over a period against the previous one,
 * and an agency's tenants side by side and summed; and an agency's customer bases side by side.
 */
export const reportsModule = defineModule({
  name: 'reports',
  resolvers: [ReportsResolver],
  build({ scopes }: { scopes: OperationScopes }) {
    return {
      resolvers: [
        new ReportsResolver(new MarketingReportService(scopes), new CustomerReportService(scopes)),
      ],
      offers: {},
    };
  },
});
