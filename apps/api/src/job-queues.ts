import { CONNECTOR_QUEUES } from './modules/connectors/connector-queues.js';
import { CUSTOMER_SCORES_QUEUES } from './modules/customer-scores/customer-scores-queues.js';
import { CUSTOMER_UPKEEP_QUEUES } from './modules/customer-upkeep/customer-upkeep-queues.js';
import { CUSTOMER_VALUE_QUEUES } from './modules/customer-value/customer-value-queues.js';
import { DATA_EXPORT_QUEUES } from './modules/data-export/data-export-queues.js';
import { DATA_IMPORT_QUEUES } from './modules/data-import/data-import-queues.js';
import { LIFECYCLE_QUEUES } from './modules/lifecycle/lifecycle-queues.js';
import { LIVE_FEED_QUEUES } from './modules/live-feed/live-feed-queues.js';
import { SEGMENTS_QUEUES } from './modules/segments/segments-queues.js';

/**
 * Every module's job queues, which the owner creates when migrating. Kept apart from the
 * manifests (which load the whole api) so the migration can read it alone;
 * job-queues.spec.ts checks it against them.
 */
export const jobQueues: readonly string[] = [
  ...LIVE_FEED_QUEUES,
  ...CONNECTOR_QUEUES,
  ...DATA_IMPORT_QUEUES,
  ...DATA_EXPORT_QUEUES,
  ...CUSTOMER_UPKEEP_QUEUES,
  ...CUSTOMER_SCORES_QUEUES,
  ...CUSTOMER_VALUE_QUEUES,
  ...SEGMENTS_QUEUES,
  ...LIFECYCLE_QUEUES,
];
