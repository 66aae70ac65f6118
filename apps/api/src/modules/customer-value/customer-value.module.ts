import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { TenantRescored } from '../customer-upkeep/index.js';
import { ContactValueResolver } from './contact-value.resolver.js';
import { CustomerValueResolver } from './customer-value.resolver.js';
import { CustomerValueService } from './customer-value.service.js';
import { CustomerValueFitter } from './customer-value-fitter.js';
import { CUSTOMER_VALUE_QUEUES } from './customer-value-queues.js';

/** Customer lifetime value: fits of BG/NBD and Gamma–Gamma, and every contact's predicted value. */
export const customerValueModule = defineModule({
  name: 'customer-value',
  resolvers: [CustomerValueResolver, ContactValueResolver],
  queues: CUSTOMER_VALUE_QUEUES,
  build(deps: { scopes: OperationScopes; jobs: JobSender; rescored: TenantRescored }) {
    const fitter = new CustomerValueFitter(deps.scopes, deps.rescored);
    return {
      resolvers: [
        new CustomerValueResolver(new CustomerValueService(deps.jobs)),
        new ContactValueResolver(),
      ],
      jobs: fitter.jobDefinitions(),
      offers: { clvStep: fitter.step },
    };
  },
});
