import { defineModule } from '../../platform/modules/api-module.js';
import type { TimelineService } from '../timeline/index.js';
import { ContactResolver } from './contact.resolver.js';
import { ContactService } from './contact.service.js';
import { SocialIdentities } from './social-identities.js';

/** Contacts, their social identities and lifecycle stages. */
export const contactsModule = defineModule({
  name: 'contacts',
  resolvers: [ContactResolver],
  build({ timeline }: { timeline: TimelineService }) {
    const contacts = new ContactService(timeline);
    return {
      resolvers: [new ContactResolver(contacts)],
      offers: { contacts, identities: new SocialIdentities() },
    };
  },
});
