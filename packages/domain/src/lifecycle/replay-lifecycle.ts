import type { LifecycleEvent } from './lifecycle-event.js';
import { DEFAULT_LIFECYCLE_POLICY, type LifecyclePolicy } from './lifecycle-policy.js';
import type { LifecycleOrigin } from './lifecycle-stage.js';
import type { LifecycleTransitionError } from './lifecycle-transition-error.js';
import { type LifecycleMove, transitionLifecycle } from './transition-lifecycle.js';

/** The result of replaying an event stream: where the contact ended and what happened. */
export interface LifecycleReplay {
  readonly stage: LifecycleOrigin;
  readonly moves: readonly LifecycleMove[];
  /** Refused events with their position in the stream; they did not change the stage. */
  readonly refusals: readonly {
    readonly index: number;
    readonly error: LifecycleTransitionError;
  }[];
}

/**
 * Applies events in order from `start`, skipping (and reporting) refused ones, as an
 * importer does with a contact's activity log.
 */
export function replayLifecycle(
  start: LifecycleOrigin,
  events: readonly LifecycleEvent[],
  policy: LifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
): LifecycleReplay {
  let stage = start;
  const moves: LifecycleMove[] = [];
  const refusals: { index: number; error: LifecycleTransitionError }[] = [];
  events.forEach((event, index) => {
    const result = transitionLifecycle(stage, event, policy);
    if (result.ok) {
      moves.push(result);
      stage = result.stage;
    } else {
      refusals.push({ index, error: result.error });
    }
  });
  return { stage, moves, refusals };
}
