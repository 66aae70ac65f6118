import type { LifecycleEvent } from './lifecycle-event.js';
import { DEFAULT_LIFECYCLE_POLICY, type LifecyclePolicy } from './lifecycle-policy.js';
import type { LifecycleOrigin, LifecycleStage } from './lifecycle-stage.js';
import { type LifecycleErrorCode, LifecycleTransitionError } from './lifecycle-transition-error.js';
import { LIFECYCLE_TRANSITIONS } from './lifecycle-transitions.js';

/** An accepted event: the stage the contact is now in, and why. */
export interface LifecycleMove {
  readonly ok: true;
  readonly from: LifecycleOrigin;
  readonly stage: LifecycleStage;
  readonly reason: string;
  /** `false` when the event was accepted but kept the contact in the same stage. */
  readonly changed: boolean;
}

/** A refused event; the contact stays where it was. */
export interface LifecycleRefusal {
  readonly ok: false;
  readonly error: LifecycleTransitionError;
}

/** Outcome of applying one lifecycle event. */
export type LifecycleTransitionResult = LifecycleMove | LifecycleRefusal;

/**
 * Applies one event to a contact at stage `from` (or `new`), following
 * {@link LIFECYCLE_TRANSITIONS}. Returns the new stage and the reason, or a refusal coded
 * `NO_TRANSITION`, `GUARD_REJECTED` or `INVALID_EVENT`. Never throws for a well-typed call.
 */
export function transitionLifecycle(
  from: LifecycleOrigin,
  event: LifecycleEvent,
  policy: LifecyclePolicy = DEFAULT_LIFECYCLE_POLICY,
): LifecycleTransitionResult {
  const refuse = (code: LifecycleErrorCode, message: string): LifecycleRefusal => ({
    ok: false,
    error: new LifecycleTransitionError(code, from, event.type, message),
  });
  if (event.type === 'inactive' && !(Number.isFinite(event.days) && event.days >= 0)) {
    return refuse(
      'INVALID_EVENT',
      `inactive days must be a finite number >= 0 (got ${event.days})`,
    );
  }
  const row = LIFECYCLE_TRANSITIONS[from];
  const rule = row[event.type];
  if (rule === undefined) {
    const accepted = Object.keys(row).join(', ');
    return refuse(
      'NO_TRANSITION',
      `"${event.type}" cannot be applied at stage "${from}"; accepted events: ${accepted}`,
    );
  }
  const objection = rule.guard?.(event, policy) ?? null;
  if (objection !== null) {
    return refuse('GUARD_REJECTED', `"${event.type}" refused at stage "${from}": ${objection}`);
  }
  return { ok: true, from, stage: rule.to, reason: rule.reason, changed: rule.to !== from };
}
