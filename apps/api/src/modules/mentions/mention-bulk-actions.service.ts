import type { EntityManager } from 'typeorm';
import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { isUuid } from '../../platform/uuid.js';
import { checkAssignee } from './assignee.js';
import { bulkMentionIdsSchema } from './inputs/bulk-mention-ids.input.js';
import { type MentionActionResultType, outcomeFor } from './mention-action-result.type.js';
import type { MentionActionsService } from './mention-actions.service.js';

/**
 * The single actions on a selection of mentions, under the same rules. One bad id (malformed,
 * unknown, another tenant's) is that mention's answer; the others are still acted on.
 */
export class MentionBulkActionsService {
  constructor(private readonly actions: MentionActionsService) {}

  /** One statement for the whole selection; the assignee is checked once, as for one mention. */
  async assign(
    op: Operation,
    mentionIds: readonly string[],
    userId: string | null,
  ): Promise<MentionActionResultType[]> {
    const ids = parseInput(bulkMentionIdsSchema, mentionIds, 'mentionIds');
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    if (userId) await checkAssignee(manager, tenantId, userId);
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      'UPDATE mention SET assigned_to = $3 WHERE tenant_id = $1 AND id = ANY ($2::uuid[]) RETURNING id',
      [tenantId, ids.filter(isUuid).map((id) => id.toLowerCase()), userId],
    );
    const assigned = new Set(rows.map((row) => row.id));
    return Promise.all(
      ids.map((id) =>
        outcomeFor(id, () => {
          if (!assigned.has(requireId(id, 'mentionId'))) throw notFound('Mention');
        }),
      ),
    );
  }

  /**
   * Each mention as `markAuthorAsLead` does it, one after another (mentions may share an
   * author), each in a savepoint so a refused one leaves nothing half-done.
   */
  async markAuthorsAsLeads(
    op: Operation,
    mentionIds: readonly string[],
  ): Promise<MentionActionResultType[]> {
    const ids = parseInput(bulkMentionIdsSchema, mentionIds, 'mentionIds');
    const manager = await op.manager();
    const results: MentionActionResultType[] = [];
    for (const id of ids) {
      results.push(
        await outcomeFor(id, () =>
          inSavepoint(manager, () => this.actions.makeAuthorALead(op, id)),
        ),
      );
    }
    return results;
  }
}

/** `work` undone alone if it fails, the transaction kept usable for what follows. */
async function inSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  await manager.query('SAVEPOINT bulk_mention');
  try {
    const result = await work();
    await manager.query('RELEASE SAVEPOINT bulk_mention');
    return result;
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT bulk_mention');
    await manager.query('RELEASE SAVEPOINT bulk_mention');
    throw error;
  }
}
