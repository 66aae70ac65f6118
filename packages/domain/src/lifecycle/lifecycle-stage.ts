/**
 * Lifecycle stages in funnel order, then `churned` (a former customer who left).
 * A contact is in exactly one stage at a time.
 */
export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingQualifiedLead',
  'salesQualifiedLead',
  'opportunity',
  'customer',
  'advocate',
  'churned',
] as const;

/** One lifecycle stage. */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The stages a contact moves up through; `churned` is an exit, not a funnel step. */
export type FunnelStage = Exclude<LifecycleStage, 'churned'>;

/** Funnel stages from top (subscriber) to bottom (advocate). */
export const FUNNEL_STAGES: readonly FunnelStage[] = LIFECYCLE_STAGES.filter(
  (s): s is FunnelStage => s !== 'churned',
);

/** Where a contact can start from: a stage, or `new` for a contact not yet in the lifecycle. */
export type LifecycleOrigin = LifecycleStage | 'new';
