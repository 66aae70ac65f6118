/** One tenant's RFM, recomputed in full (queued by the upkeep; one waits at a time per tenant). */
export const CUSTOMER_SCORES_RFM = 'customer-scores.rfm';

/** Twice a day: every tenant's RFM again, since recency grows with the calendar alone. */
export const CUSTOMER_SCORES_DAILY = 'customer-scores.daily';

/** The customer scores' job queues (created by the owner when migrating). */
export const CUSTOMER_SCORES_QUEUES = [CUSTOMER_SCORES_RFM, CUSTOMER_SCORES_DAILY] as const;
