export { reportsModule } from './reports.module.js';
