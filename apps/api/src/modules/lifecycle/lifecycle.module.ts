import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { ContactService } from '../contacts/index.js';
import { LifecycleChurn } from './churn-job.js';
import { ContactLifecycleResolver } from './contact-lifecycle.resolver.js';
import { LifecycleResolver } from './lifecycle.resolver.js';
import { LIFECYCLE_QUEUES } from './lifecycle-queues.js';
import { lifecycleStep } from './lifecycle-step.js';

/**
 * Contacts' lifecycle stages moved by events, agents and the calendar, each move kept with its
 * cause, and the funnel, conversion, time-in-stage and cohort analytics over that history.
 */
export const lifecycleModule = defineModule({
  name: 'lifecycle',
  resolvers: [LifecycleResolver, ContactLifecycleResolver],
  queues: LIFECYCLE_QUEUES,
  build(deps: { scopes: OperationScopes; jobs: JobSender; contacts: ContactService }) {
    const churn = new LifecycleChurn(deps.scopes, deps.jobs);
    return {
      resolvers: [new LifecycleResolver(deps.contacts, churn), new ContactLifecycleResolver()],
      jobs: churn.jobDefinitions(),
      offers: { lifecycleStep },
    };
  },
});
