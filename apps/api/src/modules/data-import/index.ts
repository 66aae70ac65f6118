// What the data import offers the others: its module (it imports through the entities' targets).

export { dataImportModule } from './data-import.module.js';
export { DATA_IMPORT_QUEUES } from './data-import-queues.js';
