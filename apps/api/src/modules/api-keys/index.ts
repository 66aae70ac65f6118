export { apiKeysModule } from './api-keys.module.js';
