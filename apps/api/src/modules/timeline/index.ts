// What the timeline module offers the others.

export { timelineModule } from './timeline.module.js';
export { type TimelineEntry, TimelineService } from './timeline.service.js';
export {
  TimelineCause,
  TimelineEventConnection,
  TimelineEventKind,
  TimelineEventType,
} from './timeline.type.js';
