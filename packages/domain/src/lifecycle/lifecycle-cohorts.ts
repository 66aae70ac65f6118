import { bucketLabel } from '../measurement/time-bucket.js';
import { type FunnelReport, lifecycleFunnel } from './lifecycle-funnel.js';
import { type ContactStageHistory, orderedEntries } from './stage-history.js';

/** The funnel of the contacts who entered the lifecycle in one calendar month. */
export interface LifecycleCohort {
  /** `YYYY-MM` (UTC) of each contact's first stage entry. */
  readonly cohort: string;
  readonly funnel: FunnelReport;
}

/**
 * Cohort view: contacts grouped by the month (UTC) of their first stage entry, each group
 * with its own funnel, oldest cohort first. Contacts without entries are ignored.
 */
export function lifecycleCohorts(histories: readonly ContactStageHistory[]): LifecycleCohort[] {
  const groups = new Map<string, ContactStageHistory[]>();
  for (const history of histories) {
    const first = orderedEntries(history)[0];
    if (first === undefined) continue;
    const cohort = bucketLabel(first.enteredAt, 'month');
    groups.set(cohort, [...(groups.get(cohort) ?? []), history]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, members]) => ({ cohort, funnel: lifecycleFunnel(members) }));
}
