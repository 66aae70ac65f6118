// What the data export offers the others: its module (contacts lend it their list's selection).

export { dataExportModule } from './data-export.module.js';
export { DATA_EXPORT_QUEUES } from './data-export-queues.js';
export type { ContactCondition } from './export-sources.js';
