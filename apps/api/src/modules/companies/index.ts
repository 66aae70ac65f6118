// What the companies module offers the others.

export { companiesModule } from './companies.module.js';
export type { CompanyImport } from './company-import.js';
