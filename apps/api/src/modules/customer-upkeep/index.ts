// What the customer upkeep offers: its module, the step contract the other modules implement, the lock
// their whole-tenant writers share with it, and the drain.

export { CustomerUpkeep } from './customer-upkeep.js';
export { customerUpkeepModule } from './customer-upkeep.module.js';
export { CUSTOMER_UPKEEP_QUEUES } from './customer-upkeep-queues.js';
export { holdDerivedContactData } from './derived-data-lock.js';
export type { ContactUpkeepStep, TenantRescored } from './upkeep-step.js';
