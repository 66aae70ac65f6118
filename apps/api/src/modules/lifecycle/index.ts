// What the lifecycle offers: its module (the upkeep step comes through its offers), and the
// stage counts and lead conversion of many tenants at once, for the agency's report.

export { lifecycleModule } from './lifecycle.module.js';
export { LeadConversionRatioType } from './lifecycle.type.js';
export { leadConversionOf, stageHistoriesByTenant } from './lifecycle-analytics.js';
export { LIFECYCLE_QUEUES } from './lifecycle-queues.js';
export { currentStageCounts, type StageCounts } from './stage-counts.js';
