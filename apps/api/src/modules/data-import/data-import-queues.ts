/** The job that runs an import, slice by slice. */
export const DATA_IMPORT_RUN = 'data-import.run';

/** The data import's job queues (created by the owner when migrating). */
export const DATA_IMPORT_QUEUES = [DATA_IMPORT_RUN] as const;
