import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import { ContactResolver } from './contact.resolver.js';
import { ContactService } from './contact.service.js';
import { SocialIdentities } from './social-identities.js';

/** Contacts, their social identities, lifecycle stages and timelines. */
export const contactsModule = defineModule({
  name: 'contacts',
  resolvers: [ContactResolver],
  build({ scopes }: { scopes: OperationScopes }) {
    const contacts = new ContactService(scopes);
    return {
      resolvers: [new ContactResolver(contacts)],
      offers: { contacts, identities: new SocialIdentities() },
    };
  },
});
