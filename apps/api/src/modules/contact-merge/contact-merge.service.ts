import { type ContactMergePlan, planContactMerge } from '@socialcrm/domain';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { ContactService } from '../contacts/index.js';
import { actingParty, TimelineEventKind, type TimelineService } from '../timeline/index.js';
import { contactIdList } from './contact-ids.js';
import {
  type ContactMergeResultType,
  type ContactMergeType,
  toPlanType,
} from './contact-merge.type.js';
import { loadCandidates } from './merge-candidates.js';
import { applyPlan } from './merge-moves.js';

/** A merge's contacts: 2 to 20, the survivor not among the merged, none twice. */
function mergeInput(survivorId: string, mergedIds: readonly string[]): MergeInput {
  const survivor = requireId(survivorId, 'survivorId');
  const merged = parseInput(mergedIdsSchema, mergedIds, 'mergedIds');
  if (merged.includes(survivor))
    throw badUserInput([{ field: 'mergedIds', message: 'must not include the survivor' }]);
  return { survivorId: survivor, mergedIds: merged };
}

interface MergeInput {
  readonly survivorId: string;
  readonly mergedIds: readonly string[];
}

// With the survivor, 2 to 20 contacts.
const mergedIdsSchema = contactIdList(1, 19);

interface MergeRecordRow {
  id: string;
  survivorId: string;
  mergedIds: string[];
  mergedById: string | null;
  mergedAt: Date;
  plan: ContactMergePlan;
}

const RECORD_COLUMNS = `id, survivor_id AS "survivorId", merged_ids AS "mergedIds", merged_by AS "mergedById",
  merged_at AS "mergedAt", plan`;

const toRecord = (row: MergeRecordRow): ContactMergeType => ({
  ...row,
  plan: toPlanType(row.plan),
});

/**
 * Merging contacts: the plan (`planContactMerge`, pure) from the contacts' data, its preview,
 * the merge itself in the operation's one transaction, and the record of merges. Lifecycle
 * history is the LIFECYCLE_CHANGE timeline entries, which move with the timeline. Static list
 * memberships move in `applyPlan`; dynamic segments re-evaluate the survivor in the upkeep.
 */
export class ContactMergeService {
  constructor(
    private readonly timeline: TimelineService,
    private readonly contacts: ContactService,
  ) {}

  async preview(op: Operation, survivorId: string, mergedIds: string[]) {
    return toPlanType(await this.plan(op, mergeInput(survivorId, mergedIds)));
  }

  /**
   * Locks the contacts (in id order: two merges over the same contacts queue, never
   * deadlock), recomputes the plan, applies it, and records the merge and its MERGE entry.
   */
  async merge(
    op: Operation,
    survivorId: string,
    mergedIds: string[],
  ): Promise<ContactMergeResultType> {
    const input = mergeInput(survivorId, mergedIds);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const ids = [input.survivorId, ...input.mergedIds];
    const locked: Array<{ id: string }> = await manager.query(
      'SELECT id FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[]) ORDER BY id FOR UPDATE',
      [tenantId, ids],
    );
    if (locked.length < ids.length) await this.refuseMissing(op, ids);
    const plan = await this.plan(op, input);
    await applyPlan(manager, tenantId, plan);
    const { actorId, cause } = await actingParty(op);
    const id = newId();
    const [row]: MergeRecordRow[] = await manager.query(
      `INSERT INTO contact_merge (tenant_id, id, survivor_id, merged_ids, merged_by, plan)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RECORD_COLUMNS}`,
      [tenantId, id, plan.survivorId, plan.mergedIds, actorId, JSON.stringify(plan)],
    );
    await this.timeline.record(op, {
      contactId: plan.survivorId,
      kind: TimelineEventKind.MERGE,
      actorId,
      cause,
      subjectId: id,
      data: {
        mergedIds: plan.mergedIds,
        identities: plan.identityIds.length,
        timelineEntries: plan.timelineEntries,
        orders: plan.orders,
        engagementEvents: plan.engagementEvents,
        companyLinks: plan.companyLinks.length,
      },
    });
    return {
      merge: toRecord(row as MergeRecordRow),
      contact: await this.contacts.get(op, plan.survivorId),
    };
  }

  /** The tenant's merges, newest first. */
  async list(op: Operation, first: number, after?: string | null): Promise<Page<ContactMergeType>> {
    checkPageSize(first);
    const position = after ? decodeCursor(after) : null;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: MergeRecordRow[] = await manager.query(
      `SELECT ${RECORD_COLUMNS} FROM contact_merge
       WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [tenantId, position?.id ?? null, first + 1],
    );
    const [{ total }]: [{ total: number }] = await manager.query(
      'SELECT count(*)::int AS total FROM contact_merge WHERE tenant_id = $1',
      [tenantId],
    );
    return toPage(rows.map(toRecord), first, total);
  }

  private async plan(op: Operation, input: MergeInput): Promise<ContactMergePlan> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const ids = [input.survivorId, ...input.mergedIds];
    const candidates = await loadCandidates(manager, tenantId, ids);
    if (candidates.size < ids.length) await this.refuseMissing(op, ids);
    const of = (id: string) => candidates.get(id) as NonNullable<ReturnType<typeof candidates.get>>;
    return planContactMerge(of(input.survivorId), input.mergedIds.map(of));
  }

  /**
   * Some contact is not in the tenant: a conflict naming where it went when an earlier merge
   * took it (a concurrent merge lost the race), else not found (of another tenant or none).
   */
  private async refuseMissing(op: Operation, ids: readonly string[]): Promise<never> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [taken]: Array<{ id: string; survivorId: string }> = await manager.query(
      `SELECT merged.id, m.survivor_id AS "survivorId" FROM contact_merge m, unnest(m.merged_ids) AS merged(id)
       WHERE m.tenant_id = $1 AND m.merged_ids && $2::uuid[] AND merged.id = ANY ($2::uuid[])
       ORDER BY m.id DESC LIMIT 1`,
      [tenantId, ids],
    );
    if (taken)
      throw conflict(
        `Contact ${taken.id} was merged into contact ${taken.survivorId} meanwhile; reload the duplicates`,
      );
    throw notFound('Contact');
  }
}
