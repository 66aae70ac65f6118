import type { LifecycleStage } from './lifecycle-stage.js';

/** A contact entering a stage at a point in time. */
export interface StageEntry {
  readonly stage: LifecycleStage;
  readonly enteredAt: Date;
}

/** Every stage a contact has entered, in any order. */
export interface ContactStageHistory {
  readonly contactId: string;
  readonly entries: readonly StageEntry[];
}

/** The entries of a history sorted by entry time (stable for equal times). */
export function orderedEntries(history: ContactStageHistory): StageEntry[] {
  return [...history.entries].sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime());
}
