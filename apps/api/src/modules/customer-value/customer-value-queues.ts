/** One customer value fit: summaries, both models, the fit check and every contact's value. */
export const CUSTOMER_VALUE_FIT = 'customer-value.fit';

/** The customer value module's job queues (created by the owner when migrating). */
export const CUSTOMER_VALUE_QUEUES = [CUSTOMER_VALUE_FIT] as const;
