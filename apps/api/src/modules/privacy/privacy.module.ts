import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { PrivacyResolver } from './privacy.resolver.js';
import { PrivacyService } from './privacy.service.js';

/**
 * Data subjects' requests (GDPR): a copy of everything held about a contact, and erasure. The
 * one module that reads and erases across the customer memory's tables, on purpose: a request
 * must see every table in one transaction, and a new table holding personal data must be
 * added to personal-data.ts and contact-erasure.ts.
 */
export const privacyModule = defineModule({
  name: 'privacy',
  resolvers: [PrivacyResolver],
  build(_deps: NoDeps) {
    return { resolvers: [new PrivacyResolver(new PrivacyService())], offers: {} };
  },
});
