import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyResolver } from './api-key.resolver.js';
import { ApiKeyService } from './api-key.service.js';

/** Keys for machines (ingestion, integrations), each bound to one tenant and role. */
export const apiKeysModule = defineModule({
  name: 'api-keys',
  entities: [ApiKey],
  resolvers: [ApiKeyResolver],
  build: (_: NoDeps) => ({
    resolvers: [new ApiKeyResolver(new ApiKeyService())],
    offers: {},
  }),
});
