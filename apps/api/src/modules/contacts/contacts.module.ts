import type { Operation } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { CustomFields } from '../custom-fields/index.js';
import type { TimelineService } from '../timeline/index.js';
import { ContactResolver } from './contact.resolver.js';
import { ContactService } from './contact.service.js';
import { ContactImport } from './contact-import.js';
import { ContactList } from './contact-list.js';
import { ContactSelection, type SqlCondition } from './contact-selection.js';
import { ContactWrites } from './contact-writes.js';
import { SavedContactViewResolver, SavedContactViews } from './saved-contact-view.js';
import { SocialIdentities } from './social-identities.js';
import { SocialIdentityWrites } from './social-identity-writes.js';

/** Contacts, their social identities and lifecycle stages, their list and bulk import. */
export const contactsModule = defineModule({
  name: 'contacts',
  resolvers: [ContactResolver, SavedContactViewResolver],
  build({ timeline, customFields }: { timeline: TimelineService; customFields: CustomFields }) {
    const selection = new ContactSelection(customFields);
    const contacts = new ContactService(
      new ContactList(selection),
      new ContactWrites(customFields, timeline),
      new SocialIdentityWrites(),
    );
    /** The list's search and filter as a condition on `contact c` (the export selects with it). */
    const contactSelection = (
      op: Operation,
      input: { search: string | null; filter: Record<string, unknown> | null },
      firstParam: number,
    ): Promise<SqlCondition> => selection.condition(op, input, firstParam);
    return {
      resolvers: [
        new ContactResolver(contacts),
        new SavedContactViewResolver(new SavedContactViews()),
      ],
      offers: {
        contacts,
        identities: new SocialIdentities(),
        contactImport: new ContactImport(customFields),
        contactSelection,
      },
    };
  },
});
