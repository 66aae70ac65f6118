/** One segment's members recomputed in full (after creation, a rule change or a request). */
export const SEGMENTS_REFRESH = 'segments.refresh';

/** Twice a day: every dynamic segment refreshed (relative dates drift) and each size kept. */
export const SEGMENTS_DAILY = 'segments.daily';

/** The segments' job queues (created by the owner when migrating). */
export const SEGMENTS_QUEUES = [SEGMENTS_REFRESH, SEGMENTS_DAILY] as const;
