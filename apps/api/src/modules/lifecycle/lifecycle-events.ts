import {
  type LifecycleEvent,
  type LifecycleOrigin,
  type LifecyclePolicy,
  replayLifecycle,
} from '@socialcrm/domain';
import type { StageMove } from './lifecycle-writes.js';

/** What the upkeep knows about a contact's stage and what it did. */
export interface ContactLifecycleFacts {
  readonly contactId: string;
  readonly stage: LifecycleOrigin;
  readonly hasPurchased: boolean;
  /** Someone it referred is a customer (has bought, or is at customer or advocate). */
  readonly referredCustomer: boolean;
  /** For a churned contact: it bought since it churned. */
  readonly purchasedSinceChurn: boolean;
  /** For a churned contact: it did anything since it churned. */
  readonly activeSinceChurn: boolean;
}

/**
 * The events a contact's facts amount to, in the order they happened in the usual story: a
 * churned contact coming back (by buying, or by any activity), a purchase, then a referral
 * of a customer. Events that do not apply at a stage are refused by the machine, not here.
 */
export function lifecycleEventsOf(facts: ContactLifecycleFacts): LifecycleEvent[] {
  const events: LifecycleEvent[] = [];
  if (facts.stage === 'churned') {
    if (facts.purchasedSinceChurn) events.push({ type: 'purchased' });
    else if (facts.activeSinceChurn) events.push({ type: 'reactivated' });
  } else if (facts.hasPurchased) events.push({ type: 'purchased' });
  if (facts.referredCustomer) events.push({ type: 'referredCustomer' });
  return events;
}

/**
 * The stage changes the facts lead to through the domain's machine, one list per step of the
 * replay (a lead that bought and referred a customer moves twice: lead → customer → advocate),
 * so each move is kept in the history on its own.
 */
export function movesOf(
  facts: readonly ContactLifecycleFacts[],
  policy: LifecyclePolicy,
): StageMove[][] {
  const rounds: StageMove[][] = [];
  for (const contact of facts) {
    const events = lifecycleEventsOf(contact);
    const replay = replayLifecycle(contact.stage, events, policy);
    // The moves are the accepted events, in order: the refused ones are left out.
    const refused = new Set(replay.refusals.map((refusal) => refusal.index));
    const accepted = events.filter((_, index) => !refused.has(index));
    let from = contact.stage;
    let round = 0;
    replay.moves.forEach((move, index) => {
      if (!move.changed) return;
      const event = accepted[index]?.type ?? 'unknown';
      rounds[round] ??= [];
      rounds[round]?.push({
        contactId: contact.contactId,
        from,
        to: move.stage,
        event,
        reason: move.reason,
      });
      from = move.stage;
      round += 1;
    });
  }
  return rounds;
}
