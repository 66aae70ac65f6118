import { defineModule } from '../../platform/modules/api-module.js';
import type { ContactService } from '../contacts/index.js';
import type { TimelineService } from '../timeline/index.js';
import { ContactMergeResolver } from './contact-merge.resolver.js';
import { ContactMergeService } from './contact-merge.service.js';
import { DuplicateResolver } from './duplicate.resolver.js';
import { DuplicateSuggestions } from './duplicate-suggestions.js';

/**
 * Duplicate contacts and their merge: suggestions by shared email, phone, identity or a
 * similar name at one company; a merge's dry run (the plan, computed by `planContactMerge` in
 * the domain package) and the merge in one transaction; the record of merges. What a merge
 * moves: identities (and the mentions they wrote), timeline entries (lifecycle history is the
 * LIFECYCLE_CHANGE entries; note versions follow their notes), orders, engagement events and
 * company links, and static list memberships (dynamic segments follow the survivor's record
 * through the upkeep).
 */
export const contactMergeModule = defineModule({
  name: 'contact-merge',
  resolvers: [ContactMergeResolver, DuplicateResolver],
  build({ timeline, contacts }: { timeline: TimelineService; contacts: ContactService }) {
    return {
      resolvers: [
        new ContactMergeResolver(new ContactMergeService(timeline, contacts)),
        new DuplicateResolver(new DuplicateSuggestions()),
      ],
      offers: {},
    };
  },
});
