import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { TimelineResolver } from './timeline.resolver.js';
import { TimelineService } from './timeline.service.js';
import { TimelineActorResolver } from './timeline-actors.js';
import { TimelineNotes } from './timeline-notes.js';

/** One timeline of every interaction with a contact; the other modules append to it. */
export const timelineModule = defineModule({
  name: 'timeline',
  resolvers: [TimelineResolver, TimelineActorResolver],
  build(_: NoDeps) {
    const timeline = new TimelineService();
    return {
      resolvers: [
        new TimelineResolver(timeline, new TimelineNotes(timeline)),
        new TimelineActorResolver(),
      ],
      offers: { timeline },
    };
  },
});
