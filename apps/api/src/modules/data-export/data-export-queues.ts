/** The job that writes an export, batch by batch. */
export const DATA_EXPORT_RUN = 'data-export.run';

/** The data export's job queues (created by the owner when migrating). */
export const DATA_EXPORT_QUEUES = [DATA_EXPORT_RUN] as const;
