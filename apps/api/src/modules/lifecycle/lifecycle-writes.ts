import type { LifecycleOrigin, LifecycleStage } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { LifecycleCause } from './lifecycle.type.js';

/** One stage change to write: the stage it was read at, and the domain's event and reason. */
export interface StageMove {
  readonly contactId: string;
  readonly from: LifecycleOrigin;
  readonly to: LifecycleStage;
  readonly event: string;
  readonly reason: string;
}

/**
 * Writes stage changes in one statement. The history and the timeline entry come from the
 * triggers on `contact` (see the lifecycle migration), told the cause and each contact's event
 * and reason through the transaction-local `app.lifecycle_context`, cleared afterwards so a
 * later write of the same operation is not mistaken for this one. A contact whose stage
 * changed since it was read is left alone. Returns the ids that moved.
 */
export async function writeStageMoves(
  op: Operation,
  cause: LifecycleCause,
  moves: readonly StageMove[],
): Promise<string[]> {
  if (moves.length === 0) return [];
  const [manager, tenantId] = [await op.manager(), await op.tenantId()];
  const details = Object.fromEntries(
    moves.map((move) => [move.contactId, { event: move.event, reason: move.reason }]),
  );
  await manager.query(`SELECT set_config('app.lifecycle_context', $1, true)`, [
    JSON.stringify({ cause, moves: details }),
  ]);
  const moved: Array<{ id: string }> = await manager.query(
    `WITH moved AS (
       UPDATE contact c SET lifecycle_stage = m.to_stage, updated_at = now()
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS m(id, from_stage, to_stage)
       WHERE c.tenant_id = $1 AND c.id = m.id AND c.lifecycle_stage = m.from_stage
       RETURNING c.id
     ) SELECT id FROM moved`,
    [
      tenantId,
      moves.map((move) => move.contactId),
      moves.map((move) => move.from),
      moves.map((move) => move.to),
    ],
  );
  await manager.query(`SELECT set_config('app.lifecycle_context', '', true)`);
  return moved.map((row) => row.id);
}
