export { backgroundJobsModule } from './background-jobs.module.js';
