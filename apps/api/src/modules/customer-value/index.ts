// What customer value offers: its module (its upkeep step comes through the module's offers).

export { customerValueModule } from './customer-value.module.js';
export { CUSTOMER_VALUE_QUEUES } from './customer-value-queues.js';
