/** Daily: queues every tenant's churn check (the clock's period is capped; see the job). */
export const LIFECYCLE_CHURN = 'lifecycle.churn';

/** One tenant's churn check: customers and advocates inactive past the tenant's N days. */
export const LIFECYCLE_CHURN_TENANT = 'lifecycle.churn-tenant';

/** The lifecycle's job queues (created by the owner when migrating). */
export const LIFECYCLE_QUEUES = [LIFECYCLE_CHURN, LIFECYCLE_CHURN_TENANT] as const;
