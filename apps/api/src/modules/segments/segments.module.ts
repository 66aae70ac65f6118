import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { ContactService } from '../contacts/index.js';
import type { TimelineService } from '../timeline/index.js';
import { ContactSegmentsResolver } from './contact-segments.resolver.js';
import { SegmentDetailsResolver } from './segment-details.resolver.js';
import { SegmentMembership } from './segment-membership.js';
import { SegmentRefresh } from './segment-refresh.js';
import { SegmentsResolver } from './segments.resolver.js';
import { SegmentsService } from './segments.service.js';
import { SEGMENTS_QUEUES } from './segments-queues.js';

/** Dynamic segments kept current by rule, static lists kept by hand, and their size over time. */
export const segmentsModule = defineModule({
  name: 'segments',
  resolvers: [SegmentsResolver, SegmentDetailsResolver, ContactSegmentsResolver],
  queues: SEGMENTS_QUEUES,
  build(deps: {
    scopes: OperationScopes;
    jobs: JobSender;
    timeline: TimelineService;
    contacts: ContactService;
  }) {
    const membership = new SegmentMembership(deps.timeline);
    const refresh = new SegmentRefresh(deps.scopes, deps.jobs, membership);
    const service = new SegmentsService(membership, refresh.queue);
    return {
      resolvers: [
        new SegmentsResolver(service),
        new SegmentDetailsResolver(service, deps.contacts),
        new ContactSegmentsResolver(service),
      ],
      jobs: refresh.jobDefinitions(),
      offers: { segmentsStep: refresh.step, rescored: refresh.rescored },
    };
  },
});
