// What customer value offers: its module (its upkeep step comes through the module's offers),
// and what the latest fits valued in many tenants at once, for the agency's report.

export { customerValueModule } from './customer-value.module.js';
export { CUSTOMER_VALUE_QUEUES } from './customer-value-queues.js';
export { type ValueTotals, valueTotals } from './value-totals.js';
