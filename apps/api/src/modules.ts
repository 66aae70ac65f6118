import { apiKeysModule } from './modules/api-keys/index.js';
import { authModule } from './modules/auth/index.js';
import { backgroundJobsModule } from './modules/background-jobs/index.js';
import { brandsModule } from './modules/brands/index.js';
import { connectorsModule } from './modules/connectors/index.js';
import { contactsModule } from './modules/contacts/index.js';
import { ingestModule } from './modules/ingest/index.js';
import { listeningSettingsModule } from './modules/listening-settings/index.js';
import { liveFeedModule } from './modules/live-feed/index.js';
import { mentionsModule } from './modules/mentions/index.js';
import { statisticsModule } from './modules/statistics/index.js';
import { tenancyModule } from './modules/tenancy/index.js';
import { timelineModule } from './modules/timeline/index.js';

/** Every module of the api; app.ts builds them in dependency order. */
export const apiModules = [
  authModule,
  tenancyModule,
  brandsModule,
  apiKeysModule,
  timelineModule,
  contactsModule,
  mentionsModule,
  liveFeedModule,
  statisticsModule,
  ingestModule,
  connectorsModule,
  listeningSettingsModule,
  backgroundJobsModule,
] as const;

export const entityClasses = apiModules.flatMap((module) => module.entities ?? []);
export const resolverClasses = apiModules.flatMap((module) => module.resolvers ?? []);
