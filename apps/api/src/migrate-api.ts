import { jobQueues } from './job-queues.js';
import { migrate as migrateSchema } from './platform/database/migrate.js';

export { runtimeUrlFrom } from './platform/database/migrate.js';

/** The api's migrations, then its modules' job queues, as the owner (one replica at a time). */
export const migrate = (ownerUrl: string, runtimePassword: string): Promise<string[]> =>
  migrateSchema(ownerUrl, runtimePassword, jobQueues);
