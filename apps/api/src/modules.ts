import { advocacyModule } from './modules/advocacy/index.js';
import { apiKeysModule } from './modules/api-keys/index.js';
import { authModule } from './modules/auth/index.js';
import { backgroundJobsModule } from './modules/background-jobs/index.js';
import { brandsModule } from './modules/brands/index.js';
import { companiesModule } from './modules/companies/index.js';
import { connectorsModule } from './modules/connectors/index.js';
import { contactMergeModule } from './modules/contact-merge/index.js';
import { contactsModule } from './modules/contacts/index.js';
import { customFieldsModule } from './modules/custom-fields/index.js';
import { customerScoresModule } from './modules/customer-scores/index.js';
import { customerUpkeepModule } from './modules/customer-upkeep/index.js';
import { customerValueModule } from './modules/customer-value/index.js';
import { dataExportModule } from './modules/data-export/index.js';
import { dataImportModule } from './modules/data-import/index.js';
import { ingestModule } from './modules/ingest/index.js';
import { lifecycleModule } from './modules/lifecycle/index.js';
import { listeningSettingsModule } from './modules/listening-settings/index.js';
import { liveFeedModule } from './modules/live-feed/index.js';
import { maturityModule } from './modules/maturity/index.js';
import { mentionsModule } from './modules/mentions/index.js';
import { ordersModule } from './modules/orders/index.js';
import { privacyModule } from './modules/privacy/index.js';
import { reportsModule } from './modules/reports/index.js';
import { segmentsModule } from './modules/segments/index.js';
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
  customFieldsModule,
  contactsModule,
  companiesModule,
  contactMergeModule,
  mentionsModule,
  liveFeedModule,
  statisticsModule,
  ingestModule,
  ordersModule,
  connectorsModule,
  listeningSettingsModule,
  backgroundJobsModule,
  dataImportModule,
  dataExportModule,
  privacyModule,
  reportsModule,
  customerScoresModule,
  customerValueModule,
  segmentsModule,
  advocacyModule,
  lifecycleModule,
  maturityModule,
  customerUpkeepModule,
] as const;

export const entityClasses = apiModules.flatMap((module) => module.entities ?? []);
export const resolverClasses = apiModules.flatMap((module) => module.resolvers ?? []);
