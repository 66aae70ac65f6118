import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { defineModule } from '../../platform/modules/api-module.js';
import { CustomerUpkeep } from './customer-upkeep.js';
import { CustomerUpkeepResolver } from './customer-upkeep.resolver.js';
import { CUSTOMER_UPKEEP_QUEUES } from './customer-upkeep-queues.js';
import type { ContactUpkeepStep } from './upkeep-step.js';

/** Carries every change of a contact's data into what is derived from it, in the background. */
export const customerUpkeepModule = defineModule({
  name: 'customer-upkeep',
  resolvers: [CustomerUpkeepResolver],
  queues: CUSTOMER_UPKEEP_QUEUES,
  build(deps: {
    scopes: OperationScopes;
    jobs: JobSender;
    everySeconds: number;
    /** In order: each reads what the ones before it wrote. */
    steps: readonly ContactUpkeepStep[];
  }) {
    const upkeep = new CustomerUpkeep(deps.scopes, deps.jobs, deps.steps, deps.everySeconds);
    return {
      resolvers: [new CustomerUpkeepResolver()],
      jobs: upkeep.jobDefinitions(),
      offers: { upkeep },
    };
  },
});
