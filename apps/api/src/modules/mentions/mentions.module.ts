import { defineModule } from '../../platform/modules/api-module.js';
import type { ContactService } from '../contacts/index.js';
import { MentionResolver } from './mention.resolver.js';
import { MentionActionsService } from './mention-actions.service.js';
import { MentionQueryService } from './mention-query.service.js';

/** Mentions as the tenant reads and works them: the list, replies, assignment, leads. */
export const mentionsModule = defineModule({
  name: 'mentions',
  resolvers: [MentionResolver],
  build: ({ contacts }: { contacts: ContactService }) => ({
    resolvers: [
      new MentionResolver(new MentionQueryService(), new MentionActionsService(contacts)),
    ],
    offers: {},
  }),
});
