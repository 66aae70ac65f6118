import {
  LIFECYCLE_TRANSITIONS,
  type LifecycleEvent,
  type LifecycleEventType,
  type LifecycleOrigin,
  type LifecyclePolicy,
  type LifecycleStage,
  transitionLifecycle,
} from '@socialcrm/domain';
import { lifecycleMoveSchema } from '@socialcrm/validation';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, notFound } from '../../platform/errors/app-error.js';
import { parseInput } from '../../platform/graphql/validation.js';
import { LAST_ACTIVITY_SQL } from './contact-activity.js';
import { LifecycleCause } from './lifecycle.type.js';
import { tenantLifecyclePolicy } from './lifecycle-policy.js';
import { writeStageMoves } from './lifecycle-writes.js';

/** An agent's move, as the resolver receives it. */
export interface StageMoveRequest {
  readonly contactId: string;
  readonly stage: string;
  readonly reason: string;
}

/**
 * The event of the machine that takes `from` to `to` and that the machine accepts now (an
 * inactivity move needs the contact's real days without activity); otherwise why not.
 */
function eventTo(
  from: LifecycleOrigin,
  to: LifecycleStage,
  inactiveDays: number,
  policy: LifecyclePolicy,
): { ok: true; event: LifecycleEventType } | { ok: false; message: string } {
  const row = LIFECYCLE_TRANSITIONS[from];
  const objections: string[] = [];
  for (const [type, rule] of Object.entries(row) as [LifecycleEventType, { to: string }][]) {
    if (rule.to !== to) continue;
    const event = (type === 'inactive' ? { type, days: inactiveDays } : { type }) as LifecycleEvent;
    const result = transitionLifecycle(from, event, policy);
    if (result.ok) return { ok: true, event: type };
    objections.push(result.error.message);
  }
  if (objections.length) return { ok: false, message: objections.join('; ') };
  const allowed = [...new Set(Object.values(row).map((rule) => rule?.to))].filter(
    (stage) => stage !== from,
  );
  return {
    ok: false,
    message: `cannot move from "${from}" to "${to}"; allowed from "${from}": ${allowed.join(', ') || 'none'}`,
  };
}

/**
 * Moves a contact to a stage on an agent's word, with the reason kept in its history: only as
 * the domain's machine allows from where the contact is (refusals name `input.stage`).
 */
export async function moveStage(op: Operation, request: StageMoveRequest): Promise<string> {
  const input = parseInput(lifecycleMoveSchema, request, 'input');
  const [manager, tenantId] = [await op.manager(), await op.tenantId()];
  const [contact]: Array<{ stage: LifecycleOrigin; inactiveDays: number }> = await manager.query(
    `SELECT c.lifecycle_stage AS stage,
            (extract(epoch FROM now() - ${LAST_ACTIVITY_SQL}) / 86400)::float8 AS "inactiveDays"
     FROM contact c WHERE c.tenant_id = $1 AND c.id = $2 AND c.erased_at IS NULL FOR UPDATE`,
    [tenantId, input.contactId],
  );
  if (!contact) throw notFound('Contact');
  if (contact.stage === input.stage)
    throw badUserInput([{ field: 'input.stage', message: `is already "${input.stage}"` }]);
  const policy = await tenantLifecyclePolicy(op);
  const found = eventTo(contact.stage, input.stage, Math.floor(contact.inactiveDays), policy);
  if (!found.ok) throw badUserInput([{ field: 'input.stage', message: found.message }]);
  await writeStageMoves(op, LifecycleCause.AGENT, [
    {
      contactId: input.contactId,
      from: contact.stage,
      to: input.stage,
      event: found.event,
      reason: input.reason,
    },
  ]);
  return input.contactId;
}
