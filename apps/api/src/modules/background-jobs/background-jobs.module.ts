import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { BackgroundJobResolver } from './background-job.resolver.js';
import { BackgroundJobService } from './background-job.service.js';

/** What the job queue did in the tenant, for its owners. */
export const backgroundJobsModule = defineModule({
  name: 'background-jobs',
  resolvers: [BackgroundJobResolver],
  build: (_: NoDeps) => ({
    resolvers: [new BackgroundJobResolver(new BackgroundJobService())],
    offers: {},
  }),
});
