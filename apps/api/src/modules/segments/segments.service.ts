import { isDeepStrictEqual } from 'node:util';
import { SEGMENT_FIELDS, SEGMENT_OPERATORS, type SegmentRule } from '@socialcrm/domain';
import { SEGMENT_CONTACTS_MAX, segmentDetailsSchema } from '@socialcrm/validation';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import {
  CONTACT_COLUMNS,
  type ContactRow,
  type ContactType,
  toContact,
} from '../contacts/index.js';
import { actingParty } from '../timeline/index.js';
import {
  type SegmentFieldType,
  type SegmentInput,
  SegmentKind,
  type SegmentPatch,
  type SegmentPreviewType,
  SegmentRefreshState,
  type SegmentSizeType,
  type SegmentType,
} from './segment.type.js';
import type { SegmentMembership } from './segment-membership.js';
import { foldMemberCounts, MEMBER_COUNT_SQL, SEGMENT_COLUMNS_SQL } from './segment-row.js';
import { parseSegmentRule, segmentPredicate } from './segment-rules.js';

/** Contacts a preview shows beside its count. */
const PREVIEW_SAMPLE = 5;

/** Days of size history answered at most. */
const HISTORY_DAYS_MAX = 730;

/** Queues a full refresh of a dynamic segment once the caller's transaction commits. */
export type RefreshQueue = (op: Operation, segmentId: string) => Promise<void>;

/** Saved segments and static lists: their definitions, previews and hand-kept members. */
export class SegmentsService {
  constructor(
    private readonly membership: SegmentMembership,
    private readonly queueRefresh: RefreshQueue,
  ) {}

  /** The catalogue the rule builder offers, from the domain's field list. */
  fields(): SegmentFieldType[] {
    return Object.entries(SEGMENT_FIELDS).map(([name, field]) => {
      const extra = field as {
        values?: readonly string[];
        integer?: boolean;
        min?: number;
        max?: number;
      };
      return {
        name,
        kind: field.kind,
        label: field.label,
        operators: SEGMENT_OPERATORS[field.kind],
        values: extra.values ?? null,
        integer: extra.integer ?? false,
        min: extra.min ?? null,
        max: extra.max ?? null,
      };
    });
  }

  async list(op: Operation): Promise<SegmentType[]> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    return manager.query(
      `SELECT ${SEGMENT_COLUMNS_SQL} FROM segment s WHERE s.tenant_id = $1 ORDER BY lower(s.name), s.id`,
      [tenantId],
    );
  }

  async get(op: Operation, id: string, lock = false): Promise<SegmentType> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [segment] = await manager.query(
      `SELECT ${SEGMENT_COLUMNS_SQL} FROM segment s WHERE s.tenant_id = $1 AND s.id = $2 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      [tenantId, requireId(id)],
    );
    if (!segment) throw notFound('Segment');
    return segment;
  }

  /** How many contacts a rule selects now, with a few of them. */
  async preview(op: Operation, input: unknown): Promise<SegmentPreviewType> {
    const rule = parseSegmentRule(input, 'rule');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const predicate = segmentPredicate(rule, new Date(), 2);
    const matching = `FROM segment_contact sc WHERE sc.tenant_id = $1 AND ${predicate.sql}`;
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count ${matching}`, [
      tenantId,
      ...predicate.params,
    ]);
    const sample = async (): Promise<ContactType[]> => {
      if (!count) return [];
      const rows: ContactRow[] = await manager.query(
        `SELECT ${CONTACT_COLUMNS} FROM contact c WHERE c.tenant_id = $1 AND c.id IN (
           SELECT sc.id ${matching} ORDER BY sc.created_at DESC, sc.id DESC LIMIT ${PREVIEW_SAMPLE})
         ORDER BY c.created_at DESC, c.id DESC`,
        [tenantId, ...predicate.params],
      );
      return rows.map(toContact);
    };
    // Read only when asked for: a count alone (the builder while typing) costs one scan.
    return {
      count,
      get sample() {
        return sample();
      },
    };
  }

  async create(op: Operation, input: SegmentInput): Promise<SegmentType> {
    const details = parseInput(segmentDetailsSchema, input, 'input');
    const rule = ruleOfKind(input.kind, input.rule);
    const [manager, tenantId, { userId }] = [
      await op.manager(),
      await op.tenantId(),
      await op.access(),
    ];
    const id = newId();
    const dynamic = input.kind === SegmentKind.DYNAMIC;
    await unique(() =>
      manager.query(
        `INSERT INTO segment (tenant_id, id, name, description, kind, rule, refresh_state, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          tenantId,
          id,
          details.name,
          details.description,
          input.kind,
          rule ? JSON.stringify(rule) : null,
          dynamic ? SegmentRefreshState.PENDING : SegmentRefreshState.READY,
          userId,
        ],
      ),
    );
    if (dynamic) await this.queueRefresh(op, id);
    return this.get(op, id);
  }

  async update(op: Operation, id: string, patch: SegmentPatch): Promise<SegmentType> {
    const segment = await this.get(op, id, true);
    const details = parseInput(
      segmentDetailsSchema,
      {
        name: patch.name ?? segment.name,
        description: patch.description === undefined ? segment.description : patch.description,
      },
      'input',
    );
    const asked = patch.rule == null ? null : ruleOfKind(segment.kind, patch.rule);
    // Saving an unchanged rule (the editor sends it with every rename) queues no refresh.
    const rule = asked && !isDeepStrictEqual(asked, segment.rule) ? asked : null;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    await unique(() =>
      manager.query(
        `UPDATE segment SET name = $3, description = $4, rule = coalesce($5::jsonb, rule),
           refresh_state = CASE WHEN $5::jsonb IS NULL THEN refresh_state ELSE 'PENDING' END,
           updated_at = now()
         WHERE tenant_id = $1 AND id = $2`,
        [
          tenantId,
          segment.id,
          details.name,
          details.description,
          rule ? JSON.stringify(rule) : null,
        ],
      ),
    );
    if (rule) await this.queueRefresh(op, segment.id);
    return this.get(op, segment.id);
  }

  /** Deletes a segment with its members and size history; returns its id. */
  async delete(op: Operation, id: string): Promise<string> {
    const segment = await this.get(op, id, true);
    await (await op.manager()).query('DELETE FROM segment WHERE tenant_id = $1 AND id = $2', [
      await op.tenantId(),
      segment.id,
    ]);
    return segment.id;
  }

  /** Queues a full refresh of a dynamic segment. */
  async refresh(op: Operation, id: string): Promise<SegmentType> {
    const segment = await this.get(op, id, true);
    if (segment.kind !== SegmentKind.DYNAMIC)
      throw badUserInput([
        { field: 'id', message: 'is a static list, which has no rule to follow' },
      ]);
    await (await op.manager()).query(
      `UPDATE segment SET refresh_state = 'PENDING' WHERE tenant_id = $1 AND id = $2`,
      [await op.tenantId(), segment.id],
    );
    await this.queueRefresh(op, segment.id);
    return this.get(op, segment.id);
  }

  /** Adds contacts to (or removes them from) a static list, each change on their timeline. */
  async changeList(
    op: Operation,
    id: string,
    contactIds: readonly string[],
    change: 'add' | 'remove',
  ): Promise<SegmentType> {
    if (contactIds.length === 0 || contactIds.length > SEGMENT_CONTACTS_MAX)
      throw badUserInput([
        { field: 'contactIds', message: `must hold 1 to ${SEGMENT_CONTACTS_MAX} ids` },
      ]);
    const ids = contactIds.map((contactId, index) => requireId(contactId, `contactIds.${index}`));
    const segment = await this.get(op, id, true);
    if (segment.kind !== SegmentKind.STATIC)
      throw badUserInput([
        { field: 'id', message: 'is a dynamic segment, whose members follow its rule' },
      ]);
    await this.membership[change](op, segment, ids, await actingParty(op));
    await foldMemberCounts(op, [segment.id]);
    await recordSize(op, [segment.id]);
    return this.get(op, segment.id);
  }

  /** A segment's daily sizes over the last `days` days, oldest first. */
  async sizeHistory(op: Operation, id: string, days: number): Promise<SegmentSizeType[]> {
    if (!Number.isInteger(days) || days < 1 || days > HISTORY_DAYS_MAX)
      throw badUserInput([{ field: 'days', message: `must be between 1 and ${HISTORY_DAYS_MAX}` }]);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    return manager.query(
      `SELECT day::text AS day, member_count AS "memberCount" FROM segment_size
       WHERE tenant_id = $1 AND segment_id = $2 AND day > (now() AT TIME ZONE 'UTC')::date - $3::int
       ORDER BY day`,
      [tenantId, id, days],
    );
  }

  /** The segments each contact belongs to, in the contacts' order. */
  async ofContacts(op: Operation, contactIds: readonly string[]): Promise<SegmentType[][]> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<SegmentType & { contactId: string }> = await manager.query(
      `SELECT sm.contact_id AS "contactId", ${SEGMENT_COLUMNS_SQL}
       FROM segment_member sm JOIN segment s ON s.tenant_id = sm.tenant_id AND s.id = sm.segment_id
       WHERE sm.tenant_id = $1 AND sm.contact_id = ANY ($2::uuid[]) ORDER BY lower(s.name), s.id`,
      [tenantId, contactIds],
    );
    return contactIds.map((contactId) =>
      rows
        .filter((row) => row.contactId === contactId)
        .map(({ contactId: _, ...segment }) => segment),
    );
  }
}

/** Keeps today's size (UTC) of these segments: the size chart's last point. */
export async function recordSize(op: Operation, segmentIds: readonly string[] | null) {
  await (await op.manager()).query(
    `INSERT INTO segment_size (tenant_id, segment_id, day, member_count)
     SELECT s.tenant_id, s.id, (now() AT TIME ZONE 'UTC')::date, ${MEMBER_COUNT_SQL} FROM segment s
     WHERE s.tenant_id = $1 AND ($2::uuid[] IS NULL OR s.id = ANY ($2))
     ON CONFLICT (tenant_id, segment_id, day) DO UPDATE SET member_count = EXCLUDED.member_count`,
    [await op.tenantId(), segmentIds],
  );
}

/** A dynamic segment needs a valid rule; a static list takes none. */
function ruleOfKind(kind: SegmentKind, input: unknown): SegmentRule | null {
  if (kind === SegmentKind.STATIC) {
    if (input != null)
      throw badUserInput([{ field: 'input.rule', message: 'is not taken by a static list' }]);
    return null;
  }
  if (input == null)
    throw badUserInput([
      { field: 'input.rule', message: 'is required for a dynamic segment', reason: 'REQUIRED' },
    ]);
  return parseSegmentRule(input, 'input.rule');
}

/** A second segment of the same name is a conflict on the name, never the database's text. */
async function unique(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('A segment with this name already exists', 'input.name');
    throw error;
  }
}
