export { tenancyModule } from './tenancy.module.js';
