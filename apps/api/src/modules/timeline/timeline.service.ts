import { z } from 'zod';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { checkPageSize, type Page } from '../../platform/graphql/connection.js';
import { decodeSortCursor, encodeSortCursor } from '../../platform/graphql/sort-cursor.js';
import { parseInput } from '../../platform/graphql/validation.js';
import { requireContact } from './contact-reference.js';
import {
  TimelineCause,
  type TimelineEventKind,
  type TimelineEventType,
  type TimelineFilter,
} from './timeline.type.js';

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

/** An entry's columns as `TimelineEventType` reads them. */
export const TIMELINE_EVENT_COLUMNS = `id, kind, channel, cause, mention_id AS "mentionId", actor_id AS "actorId",
  subject_id AS "subjectId", body, data::text AS data, occurred_at AS "occurredAt", edited_at AS "editedAt"`;

/** A filter's lists; empty ones keep everything. */
const filterSchema = z
  .object({
    kinds: z.array(z.string()).max(20).nullish(),
    channels: z.array(z.string().trim().min(1, 'is required').max(40)).max(20).nullish(),
  })
  .nullish();

/**
 * The one timeline of every contact: entries are appended, never changed (a trigger insists);
 * only a note's text can be edited, by `TimelineNotes`.
 */
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
    return events.map(({ contactId: _, ...event }) => ({ ...event, editedAt: null }));
  }

  /**
   * A contact's entries, newest first (by when they happened, then id), a keyset page at a
   * time over `timeline_event_contact_time_idx`; the same for every user of the tenant.
   */
  async page(
    op: Operation,
    contactId: string,
    first: number,
    after: string | null,
    filter?: TimelineFilter | null,
  ): Promise<Page<TimelineEventType>> {
    checkPageSize(first);
    const position = after ? decodeSortCursor(after) : null;
    const only = parseInput(filterSchema, filter, 'filter');
    const kinds = only?.kinds?.length ? only.kinds : null;
    const channels = only?.channels?.length ? only.channels : null;
    const id = await requireContact(op, contactId);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const matching = `tenant_id = $1 AND contact_id = $2
      AND ($3::text[] IS NULL OR kind = ANY ($3)) AND ($4::text[] IS NULL OR channel = ANY ($4))`;
    const rows: Array<TimelineEventType & { sortKey: string }> = await manager.query(
      `SELECT ${TIMELINE_EVENT_COLUMNS}, occurred_at::text AS "sortKey" FROM timeline_event
       WHERE ${matching} AND ($5::timestamptz IS NULL OR (occurred_at, id) < ($5, $6::uuid))
       ORDER BY occurred_at DESC, id DESC LIMIT $7`,
      [tenantId, id, kinds, channels, position?.key ?? null, position?.id ?? null, first + 1],
    );
    const [{ total }]: [{ total: number }] = await manager.query(
      `SELECT count(*)::int AS total FROM timeline_event WHERE ${matching}`,
      [tenantId, id, kinds, channels],
    );
    const nodes = rows.slice(0, first).map(({ sortKey, ...event }) => ({
      cursor: encodeSortCursor({ key: sortKey, id: event.id }),
      node: event,
    }));
    return {
      edges: nodes,
      pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }
}
