import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { TenantRescored } from '../customer-upkeep/index.js';
import { metricsStep } from './contact-metrics-step.js';
import { ContactScoresResolver } from './contact-scores.resolver.js';
import { CustomerScoresResolver } from './customer-scores.resolver.js';
import { CUSTOMER_SCORES_QUEUES } from './customer-scores-queues.js';
import { RfmJobs } from './rfm-jobs.js';

/** What each contact's records add up to: reach, sentiment, activity and RFM on two bases. */
export const customerScoresModule = defineModule({
  name: 'customer-scores',
  resolvers: [CustomerScoresResolver, ContactScoresResolver],
  queues: CUSTOMER_SCORES_QUEUES,
  build(deps: { scopes: OperationScopes; jobs: JobSender; rescored: TenantRescored }) {
    const rfm = new RfmJobs(deps.scopes, deps.jobs, deps.rescored);
    return {
      resolvers: [new CustomerScoresResolver(deps.rescored), new ContactScoresResolver()],
      jobs: rfm.jobDefinitions(),
      offers: { metricsStep, rfmStep: rfm.step },
    };
  },
});
