/** Once per interval across replicas: queues an apply job for each tenant with changes. */
export const CUSTOMER_UPKEEP_TICK = 'customer-upkeep.tick';

/** One tenant's waiting changes, batch by batch. */
export const CUSTOMER_UPKEEP_APPLY = 'customer-upkeep.apply';

/** The customer upkeep's job queues (created by the owner when migrating). */
export const CUSTOMER_UPKEEP_QUEUES = [CUSTOMER_UPKEEP_TICK, CUSTOMER_UPKEEP_APPLY] as const;
