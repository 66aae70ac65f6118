import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { requireId } from '../../platform/graphql/validation.js';
import { TimelineCause, type TimelineEventKind, type TimelineEventType } from './timeline.type.js';

/** An interaction to record on a contact's timeline. */
export interface TimelineEntry {
  readonly contactId: string;
  readonly kind: TimelineEventKind;
  readonly channel?: string | null;
  readonly mentionId?: string | null;
  /** The user who acted; the cause defaults to USER when set, SYSTEM otherwise. */
  readonly actorId?: string | null;
  readonly cause?: TimelineCause;
  readonly subjectId?: string | null;
  readonly body?: string | null;
  /** Structured details (an order's amount, a stage's from and to…). */
  readonly data?: Record<string, unknown> | null;
  readonly occurredAt?: Date;
}

const COLUMNS = `id, kind, channel, cause, mention_id AS "mentionId", actor_id AS "actorId",
  subject_id AS "subjectId", body, occurred_at AS "occurredAt"`;

/** The one timeline of every contact: entries are appended, never changed (a trigger insists). */
export class TimelineService {
  async record(op: Operation, entry: TimelineEntry): Promise<TimelineEventType> {
    const [event] = await this.recordMany(op, [entry]);
    return event as TimelineEventType;
  }

  /** Appends many entries in one statement (imports, bulk actions). */
  async recordMany(op: Operation, entries: readonly TimelineEntry[]): Promise<TimelineEventType[]> {
    if (entries.length === 0) return [];
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const events = entries.map((entry) => ({
      id: newId(),
      contactId: entry.contactId,
      kind: entry.kind,
      channel: entry.channel ?? null,
      cause: entry.cause ?? (entry.actorId ? TimelineCause.USER : TimelineCause.SYSTEM),
      mentionId: entry.mentionId ?? null,
      actorId: entry.actorId ?? null,
      subjectId: entry.subjectId ?? null,
      body: entry.body ?? null,
      data: entry.data ? JSON.stringify(entry.data) : null,
      occurredAt: entry.occurredAt ?? new Date(),
    }));
    const column = <K extends keyof (typeof events)[number]>(key: K) =>
      events.map((event) => event[key]);
    await manager.query(
      `INSERT INTO timeline_event (tenant_id, id, contact_id, kind, channel, cause, mention_id, actor_id,
                                   subject_id, body, data, occurred_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                                $8::uuid[], $9::uuid[], $10::text[], $11::jsonb[], $12::timestamptz[])`,
      [
        tenantId,
        column('id'),
        column('contactId'),
        column('kind'),
        column('channel'),
        column('cause'),
        column('mentionId'),
        column('actorId'),
        column('subjectId'),
        column('body'),
        column('data'),
        column('occurredAt'),
      ],
    );
    return events.map(({ contactId: _, data: __, ...event }) => event);
  }

  /** A contact's entries, newest first. */
  async page(
    op: Operation,
    contactId: string,
    first: number,
    after: string | null,
  ): Promise<Page<TimelineEventType>> {
    checkPageSize(first);
    const cursor = after ? decodeCursor(after).id : null;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [contact] = await manager.query(
      'SELECT 1 FROM contact WHERE tenant_id = $1 AND id = $2',
      [tenantId, requireId(contactId, 'contactId')],
    );
    if (!contact) throw notFound('Contact');
    const rows: Array<TimelineEventType & { total: number }> = await manager.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total
       FROM timeline_event WHERE tenant_id = $1 AND contact_id = $2 AND ($3::uuid IS NULL OR id < $3)
       ORDER BY id DESC LIMIT $4`,
      [tenantId, contactId, cursor, first + 1],
    );
    return toPage(rows, first, rows[0]?.total ?? 0);
  }
}
