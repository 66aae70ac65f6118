import { replyTextSchema } from '@socialcrm/validation';
import type { EntityManager } from 'typeorm';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { ContactService, ContactType } from '../contacts/index.js';
import {
  TimelineEventKind,
  type TimelineEventType,
  type TimelineService,
} from '../timeline/index.js';
import { checkAssignee } from './assignee.js';
import type { MentionType } from './mention.type.js';
import { MENTION_COLUMNS, type MentionRow, toMention } from './mention-row.js';
import { MENTION_FROM } from './mention-where.js';

/** What an agent does with a mention: reply (logged on the author's timeline), assign, qualify the author. */
export class MentionActionsService {
  constructor(
    private readonly contacts: ContactService,
    private readonly timeline: TimelineService,
  ) {}

  /** Logs a reply on the author's timeline (the author becomes a contact if not one yet). */
  async reply(op: Operation, mentionId: string, text: string): Promise<TimelineEventType> {
    const body = parseInput(replyTextSchema, text, 'text');
    const { mention, contact } = await this.withAuthorContact(op, mentionId);
    const { userId } = await op.access();
    return this.timeline.record(op, {
      contactId: contact.id,
      kind: TimelineEventKind.REPLY,
      channel: mention.channel,
      mentionId: mention.id,
      actorId: userId,
      body,
    });
  }

  /** Assigns the mention to someone who can act in this tenant (not a viewer), or clears it. */
  async assign(op: Operation, mentionId: string, userId: string | null): Promise<MentionType> {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    if (userId) await checkAssignee(manager, tenantId, userId);
    const [, affected] = await manager.query(
      'UPDATE mention SET assigned_to = $3 WHERE tenant_id = $1 AND id = $2',
      [tenantId, requireId(mentionId, 'mentionId'), userId],
    );
    if (!affected) throw notFound('Mention');
    return this.load(manager, tenantId, mentionId);
  }

  /** The author becomes a lead contact (created from the identity when needed). */
  async markAuthorAsLead(op: Operation, mentionId: string): Promise<ContactType> {
    return this.contacts.get(op, await this.makeAuthorALead(op, mentionId));
  }

  /** `markAuthorAsLead` without reading the contact back: answers its id. */
  async makeAuthorALead(op: Operation, mentionId: string): Promise<string> {
    const { contact } = await this.withAuthorContact(op, mentionId);
    const { userId } = await op.access();
    await this.contacts.markAsLead(op, contact, userId);
    return contact.id;
  }

  private async withAuthorContact(op: Operation, mentionId: string) {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const mention = await this.load(manager, tenantId, mentionId);
    if (!mention.author)
      throw badUserInput([{ field: 'mentionId', message: 'has no known author' }]);
    const contact = await this.contacts.ensureForIdentity(op, mention.author.id);
    return { mention, contact };
  }

  private async load(
    manager: EntityManager,
    tenantId: string,
    mentionId: string,
  ): Promise<MentionType> {
    const [row]: MentionRow[] = await manager.query(
      `SELECT ${MENTION_COLUMNS} ${MENTION_FROM} WHERE m.tenant_id = $1 AND m.id = $2`,
      [tenantId, requireId(mentionId, 'mentionId')],
    );
    if (!row) throw notFound('Mention');
    return toMention(row);
  }
}
