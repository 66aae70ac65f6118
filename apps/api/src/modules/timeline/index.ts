// What the timeline module offers the others.

export { actingParty } from './acting-party.js';
export { requireContact } from './contact-reference.js';
export { timelineModule } from './timeline.module.js';
export { type TimelineEntry, TimelineService } from './timeline.service.js';
export {
  TimelineCause,
  TimelineEventConnection,
  TimelineEventKind,
  TimelineEventType,
} from './timeline.type.js';
