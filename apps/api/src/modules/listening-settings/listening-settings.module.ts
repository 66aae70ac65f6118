import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import { ListeningSettingsResolver } from './listening-settings.resolver.js';
import { ListeningSettingsService } from './listening-settings.service.js';

/** How the tenant listens (today: whether new authors become leads). */
export const listeningSettingsModule = defineModule({
  name: 'listening-settings',
  resolvers: [ListeningSettingsResolver],
  build: ({ scopes }: { scopes: OperationScopes }) => ({
    resolvers: [new ListeningSettingsResolver(new ListeningSettingsService(scopes))],
    offers: {},
  }),
});
