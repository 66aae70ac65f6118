// What the customer scores offer: the module (its upkeep steps come through its offers), and
// the named RFM segments' sizes of many tenants at once, for the agency's report.

export { customerScoresModule } from './customer-scores.module.js';
export { CUSTOMER_SCORES_QUEUES } from './customer-scores-queues.js';
export { RfmBasis } from './rfm-basis.js';
export { rfmSegmentCounts } from './rfm-reports.js';
