import {
  InteractionChannel,
  InteractionKind,
  interactionInputSchema,
  noteBodySchema,
} from '@socialcrm/validation';
import type { Operation } from '../../platform/database/operation-scope.js';
import { conflict, forbidden, notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { actingParty } from './acting-party.js';
import { requireContact } from './contact-reference.js';
import { TIMELINE_EVENT_COLUMNS, type TimelineService } from './timeline.service.js';
import {
  type InteractionInput,
  type NoteVersionType,
  TimelineEventKind,
  type TimelineEventType,
} from './timeline.type.js';

/** A note keeps every earlier text, so its edits are bounded (and so is `noteVersions`). */
export const NOTE_EDITS_MAX = 100;

/**
 * What agents write on a timeline by hand: notes (which their author may edit, every earlier
 * text kept as a version) and logged calls and meetings. Nothing else can be changed.
 */
export class TimelineNotes {
  constructor(private readonly timeline: TimelineService) {}

  async addNote(op: Operation, contactId: string, text: string): Promise<TimelineEventType> {
    const body = parseInput(noteBodySchema, text, 'body');
    const id = await requireContact(op, contactId);
    return this.timeline.record(op, {
      contactId: id,
      kind: TimelineEventKind.NOTE,
      ...(await actingParty(op)),
      body,
    });
  }

  /** Gives a note new text; only its author may, and the text it had is kept as a version. */
  async editNote(op: Operation, noteId: string, text: string): Promise<TimelineEventType> {
    const body = parseInput(noteBodySchema, text, 'body');
    const id = requireId(noteId);
    const [manager, tenantId, { userId }] = [
      await op.manager(),
      await op.tenantId(),
      await op.access(),
    ];
    const [note]: Array<{ actorId: string | null; body: string; writtenAt: Date }> =
      await manager.query(
        `SELECT actor_id AS "actorId", body, coalesce(edited_at, created_at) AS "writtenAt"
       FROM timeline_event WHERE tenant_id = $1 AND id = $2 AND kind = 'NOTE' FOR UPDATE`,
        [tenantId, id],
      );
    if (!note) throw notFound('Note');
    if (!userId || note.actorId !== userId)
      throw forbidden('Only the author of a note can edit it');
    const [kept]: Array<{ version: number }> = await manager.query(
      `INSERT INTO timeline_note_version (tenant_id, event_id, version, body, written_by, written_at)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4, $5
       FROM timeline_note_version WHERE tenant_id = $1 AND event_id = $2
       HAVING coalesce(max(version), 0) < $6
       RETURNING version`,
      [tenantId, id, note.body, note.actorId, note.writtenAt, NOTE_EDITS_MAX],
    );
    if (!kept)
      throw conflict(`A note can be edited at most ${NOTE_EDITS_MAX} times`, 'id', 'TOO_MANY');
    const [[event]]: [TimelineEventType[]] = await manager.query(
      `UPDATE timeline_event SET body = $3, edited_at = now() WHERE tenant_id = $1 AND id = $2
       RETURNING ${TIMELINE_EVENT_COLUMNS}`,
      [tenantId, id, body],
    );
    return event as TimelineEventType;
  }

  /** A note's earlier texts, oldest first; its current text is the note's body. */
  async versions(op: Operation, noteId: string): Promise<NoteVersionType[]> {
    const id = requireId(noteId);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [note] = await manager.query(
      `SELECT 1 FROM timeline_event WHERE tenant_id = $1 AND id = $2 AND kind = 'NOTE'`,
      [tenantId, id],
    );
    if (!note) throw notFound('Note');
    return manager.query(
      `SELECT version, body, written_by AS "writtenBy", written_at AS "writtenAt"
       FROM timeline_note_version WHERE tenant_id = $1 AND event_id = $2 ORDER BY version LIMIT $3`,
      [tenantId, id, NOTE_EDITS_MAX],
    );
  }

  /** Logs a call or a meeting that took place. */
  async logInteraction(
    op: Operation,
    contactId: string,
    input: InteractionInput,
  ): Promise<TimelineEventType> {
    const interaction = parseInput(interactionInputSchema, input, 'input');
    const id = await requireContact(op, contactId);
    const isCall = interaction.kind === InteractionKind.CALL;
    return this.timeline.record(op, {
      contactId: id,
      kind: isCall ? TimelineEventKind.CALL : TimelineEventKind.MEETING,
      channel: interaction.channel ?? (isCall ? InteractionChannel.PHONE : null),
      ...(await actingParty(op)),
      body: interaction.body ?? null,
      occurredAt: interaction.occurredAt,
    });
  }
}
