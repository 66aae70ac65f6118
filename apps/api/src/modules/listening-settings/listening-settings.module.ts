import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { ListeningSettingsResolver } from './listening-settings.resolver.js';
import { ListeningSettingsService } from './listening-settings.service.js';

/** How the tenant listens (today: whether new authors become leads). */
export const listeningSettingsModule = defineModule({
  name: 'listening-settings',
  resolvers: [ListeningSettingsResolver],
  build: (_: NoDeps) => ({
    resolvers: [new ListeningSettingsResolver(new ListeningSettingsService())],
    offers: {},
  }),
});
