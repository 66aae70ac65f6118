import { defineModule } from '../../platform/modules/api-module.js';
import type { ContactService } from '../contacts/index.js';
import type { TimelineService } from '../timeline/index.js';
import { MentionResolver } from './mention.resolver.js';
import { MentionActionsService } from './mention-actions.service.js';
import { MentionBulkActionsResolver } from './mention-bulk-actions.resolver.js';
import { MentionBulkActionsService } from './mention-bulk-actions.service.js';
import { MentionQueryService } from './mention-query.service.js';
import { SavedMentionViewResolver } from './saved-mention-view.resolver.js';
import { SavedMentionViewService } from './saved-mention-view.service.js';

/** Mentions as the tenant reads and works them: the list, saved views, replies, assignment, leads. */
export const mentionsModule = defineModule({
  name: 'mentions',
  resolvers: [MentionResolver, MentionBulkActionsResolver, SavedMentionViewResolver],
  build: ({ contacts, timeline }: { contacts: ContactService; timeline: TimelineService }) => {
    const actions = new MentionActionsService(contacts, timeline);
    return {
      resolvers: [
        new MentionResolver(new MentionQueryService(), actions),
        new MentionBulkActionsResolver(new MentionBulkActionsService(actions)),
        new SavedMentionViewResolver(new SavedMentionViewService()),
      ],
      offers: {},
    };
  },
});
