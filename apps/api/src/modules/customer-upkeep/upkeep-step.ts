import type { SegmentFieldName } from '@socialcrm/domain';
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

/**
 * Told by a writer of a whole tenant's derived data (an RFM recomputation, a value fit) which
 * segment fields it rewrote, inside its transaction: quantile scores and fitted values move for
 * contacts whose own data did not change, so the upkeep's per-contact step never sees them.
 */
export type TenantRescored = (op: Operation, fields: readonly SegmentFieldName[]) => Promise<void>;
