// Public surface of the contact lifecycle: state machine and funnel analytics.
export { type LifecycleCohort, lifecycleCohorts } from './lifecycle-cohorts.js';
export type { LifecycleEvent, LifecycleEventType } from './lifecycle-event.js';
export { type FunnelReport, type FunnelStep, lifecycleFunnel } from './lifecycle-funnel.js';
export { DEFAULT_LIFECYCLE_POLICY, type LifecyclePolicy } from './lifecycle-policy.js';
export {
  FUNNEL_STAGES,
  type FunnelStage,
  LIFECYCLE_STAGES,
  type LifecycleOrigin,
  type LifecycleStage,
} from './lifecycle-stage.js';
export { type LifecycleErrorCode, LifecycleTransitionError } from './lifecycle-transition-error.js';
export {
  LIFECYCLE_TRANSITIONS,
  type LifecycleGuard,
  type LifecycleRule,
  type LifecycleTransitionMap,
} from './lifecycle-transitions.js';
export {
  OPERATIONAL_LIFECYCLE,
  OPERATIONAL_STAGES,
  type OperationalStage,
} from './operational-lifecycle.js';
export { type LifecycleReplay, replayLifecycle } from './replay-lifecycle.js';
export { medianDaysInStage } from './stage-durations.js';
export { type ContactStageHistory, orderedEntries, type StageEntry } from './stage-history.js';
export {
  type LifecycleMove,
  type LifecycleRefusal,
  type LifecycleTransitionResult,
  transitionLifecycle,
} from './transition-lifecycle.js';
