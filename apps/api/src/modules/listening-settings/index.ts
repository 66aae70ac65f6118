export { listeningSettingsModule } from './listening-settings.module.js';
