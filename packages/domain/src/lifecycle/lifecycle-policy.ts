/** Thresholds for the inactivity guards of the lifecycle. */
export interface LifecyclePolicy {
  /** Days without activity after which a customer or advocate counts as churned. */
  readonly churnAfterDays: number;
  /** Days without activity after which a qualified lead or opportunity goes back to `lead`. */
  readonly recycleAfterDays: number;
}

/**
 * Defaults: a customer silent for half a year has churned; a qualified lead or open
 * opportunity untouched for a quarter goes back to nurturing. Tenants override both.
 */
export const DEFAULT_LIFECYCLE_POLICY: LifecyclePolicy = {
  churnAfterDays: 180,
  recycleAfterDays: 90,
};
