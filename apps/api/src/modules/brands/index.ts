export { brandsModule } from './brands.module.js';
