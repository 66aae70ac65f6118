import { median } from '../measurement/median.js';
import { LIFECYCLE_STAGES, type LifecycleStage } from './lifecycle-stage.js';
import { type ContactStageHistory, orderedEntries } from './stage-history.js';

const DAY_MS = 86_400_000;

/**
 * Median days spent in each stage, `null` for a stage nobody has left yet. Only finished
 * stays count (entry to the next entry): the current stage of a contact is still running,
 * and counting it as finished would bias medians down for recent contacts.
 */
export function medianDaysInStage(
  histories: readonly ContactStageHistory[],
): Record<LifecycleStage, number | null> {
  const stays = new Map<LifecycleStage, number[]>(LIFECYCLE_STAGES.map((s) => [s, []]));
  for (const history of histories) {
    const entries = orderedEntries(history);
    entries.slice(0, -1).forEach((entry, i) => {
      const next = entries[i + 1] as (typeof entries)[number];
      stays.get(entry.stage)?.push((next.enteredAt.getTime() - entry.enteredAt.getTime()) / DAY_MS);
    });
  }
  return Object.fromEntries(
    LIFECYCLE_STAGES.map((stage) => [stage, median(stays.get(stage) ?? [])]),
  ) as Record<LifecycleStage, number | null>;
}
