import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { ContactResolver } from './contact.resolver.js';
import { ContactService } from './contact.service.js';
import { SocialIdentities } from './social-identities.js';

/** Contacts, their social identities, lifecycle stages and timelines. */
export const contactsModule = defineModule({
  name: 'contacts',
  resolvers: [ContactResolver],
  build(_: NoDeps) {
    const contacts = new ContactService();
    return {
      resolvers: [new ContactResolver(contacts)],
      offers: { contacts, identities: new SocialIdentities() },
    };
  },
});
