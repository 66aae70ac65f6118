export { statisticsModule } from './statistics.module.js';
