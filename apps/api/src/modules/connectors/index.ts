export { connectorsModule } from './connectors.module.js';
