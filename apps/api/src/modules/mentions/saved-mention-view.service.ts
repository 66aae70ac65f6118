import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { badUserInput, forbidden, notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { mentionFilterSchema } from './inputs/mention-filter.input.js';
import {
  type CreateSavedMentionViewInput,
  createSavedMentionViewSchema,
  type UpdateSavedMentionViewInput,
  updateSavedMentionViewSchema,
} from './inputs/saved-mention-view.input.js';
import type { SavedMentionViewType } from './saved-mention-view.type.js';

/** Enough for any workspace; keeps one user from filling the table. */
export const MAX_SAVED_VIEWS_PER_USER = 50;

const COLUMNS = 'id, name, filter, created_at AS "createdAt", updated_at AS "updatedAt"';

type ViewRow = Omit<SavedMentionViewType, 'filter'> & { filter: unknown };

/**
 * The signed-in user's saved views in the operation's tenant. The row policy admits the
 * tenant's rows; every statement here also names the user, so a colleague's views are never
 * read nor written (they are answered as not found).
 */
export class SavedMentionViewService {
  async list(op: Operation): Promise<SavedMentionViewType[]> {
    const { tenantId, userId } = await this.owner(op);
    const manager = await op.manager();
    const rows: ViewRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM saved_mention_view WHERE tenant_id = $1 AND user_id = $2
       ORDER BY lower(name), id`,
      [tenantId, userId],
    );
    return rows.map(toView);
  }

  async create(op: Operation, input: CreateSavedMentionViewInput): Promise<SavedMentionViewType> {
    const { name, filter } = parseInput(createSavedMentionViewSchema, input, 'input');
    const { tenantId, userId } = await this.owner(op);
    const manager = await op.manager();
    // The bound is checked in the insert itself; two creations racing may pass it together,
    // which a soft limit tolerates.
    const rows: ViewRow[] = await uniquely(() =>
      manager.query(
        `INSERT INTO saved_mention_view (tenant_id, id, user_id, name, filter)
         SELECT $1, $2, $3, $4, $5::jsonb
         WHERE (SELECT count(*) FROM saved_mention_view WHERE tenant_id = $1 AND user_id = $3) < $6
         RETURNING ${COLUMNS}`,
        [tenantId, newId(), userId, name, JSON.stringify(filter), MAX_SAVED_VIEWS_PER_USER],
      ),
    );
    const [row] = rows;
    if (!row) {
      throw badUserInput([
        {
          field: 'input',
          message: `you already have ${MAX_SAVED_VIEWS_PER_USER} saved views; delete one first`,
          reason: 'TOO_MANY',
          params: { max: MAX_SAVED_VIEWS_PER_USER },
        },
      ]);
    }
    return toView(row);
  }

  async update(
    op: Operation,
    id: string,
    input: UpdateSavedMentionViewInput,
  ): Promise<SavedMentionViewType> {
    const { name, filter } = parseInput(updateSavedMentionViewSchema, input, 'input');
    const { tenantId, userId } = await this.owner(op);
    const manager = await op.manager();
    const [rows]: [ViewRow[], number] = await uniquely(() =>
      manager.query(
        `UPDATE saved_mention_view
         SET name = coalesce($4, name), filter = coalesce($5::jsonb, filter), updated_at = now()
         WHERE tenant_id = $1 AND id = $2 AND user_id = $3
         RETURNING ${COLUMNS}`,
        [tenantId, requireId(id), userId, name ?? null, filter ? JSON.stringify(filter) : null],
      ),
    );
    const [row] = rows;
    if (!row) throw notFound('Saved view');
    return toView(row);
  }

  async delete(op: Operation, id: string): Promise<string> {
    const { tenantId, userId } = await this.owner(op);
    const manager = await op.manager();
    const [, affected]: [unknown, number] = await manager.query(
      'DELETE FROM saved_mention_view WHERE tenant_id = $1 AND id = $2 AND user_id = $3',
      [tenantId, requireId(id), userId],
    );
    if (!affected) throw notFound('Saved view');
    return id;
  }

  /** Views belong to a person: an API key, which has none, has no views. */
  private async owner(op: Operation): Promise<{ tenantId: string; userId: string }> {
    const tenantId = await op.tenantId();
    const { userId } = await op.access();
    if (!userId) throw forbidden('Saved views belong to a signed-in user');
    return { tenantId, userId };
  }
}

/** Stored filters went through the same schema; reading them through it again revives the dates. */
function toView(row: ViewRow): SavedMentionViewType {
  return { ...row, filter: mentionFilterSchema.parse(row.filter) };
}

/** A taken name is the caller's mistake, answered without the database's text. */
async function uniquely<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw badUserInput([
      {
        field: 'input.name',
        message: 'is already the name of another of your saved views',
        reason: 'ALREADY_EXISTS',
      },
    ]);
  }
}
