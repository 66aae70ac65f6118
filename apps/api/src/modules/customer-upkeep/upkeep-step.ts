import type { Operation } from '../../platform/database/operation-scope.js';

/**
 * One thing the upkeep keeps current about contacts whose data changed (their metrics, stage,
 * scores, value, segment memberships). Steps run in the order the composition root lists them,
 * all in the upkeep's one transaction per batch, so a later step reads what an earlier one wrote.
 */
export interface ContactUpkeepStep {
  readonly name: string;
  /** Brings what this step keeps up to date for these contacts (ids of deleted ones included). */
  apply(op: Operation, contactIds: readonly string[]): Promise<void>;
}
