import type { LifecycleEventType } from './lifecycle-event.js';
import type { LifecycleOrigin } from './lifecycle-stage.js';

/**
 * Why a lifecycle event was refused:
 * - `NO_TRANSITION`: the event has no meaning from this stage (e.g. `qualified` for a subscriber).
 * - `GUARD_REJECTED`: the move exists but its condition is not met (e.g. not inactive long enough).
 * - `INVALID_EVENT`: the event itself is malformed (e.g. negative inactive days).
 */
export type LifecycleErrorCode = 'NO_TRANSITION' | 'GUARD_REJECTED' | 'INVALID_EVENT';

/** A refused lifecycle move, with a code for programs and a message for people. */
export class LifecycleTransitionError extends Error {
  override readonly name = 'LifecycleTransitionError';

  constructor(
    readonly code: LifecycleErrorCode,
    readonly from: LifecycleOrigin,
    readonly event: LifecycleEventType,
    message: string,
  ) {
    super(message);
  }
}
