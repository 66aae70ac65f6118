import { type LifecycleOrigin, transitionLifecycle } from '@socialcrm/domain';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { conflict, notFound } from '../../platform/errors/app-error.js';
import { requireId } from '../../platform/graphql/validation.js';
import type { ContactType } from './contact.type.js';
import type { ContactConnection } from './contact-connection.js';
import type { ContactInput, ContactPatch } from './contact-inputs.js';
import type { ContactList, ContactListArgs } from './contact-list.js';
import { CONTACT_COLUMNS, type ContactRow, toContact } from './contact-row.js';
import type { ContactWrites } from './contact-writes.js';
import type { SocialIdentityWrites } from './social-identity-writes.js';

/** Contacts, their identities and their lifecycle stage. */
export class ContactService {
  constructor(
    private readonly listing: ContactList,
    readonly writes: ContactWrites,
    readonly identities: SocialIdentityWrites,
  ) {}

  async get(op: Operation, id: string): Promise<ContactType> {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const [contact]: ContactRow[] = await manager.query(
      `SELECT ${CONTACT_COLUMNS} FROM contact c WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenantId, requireId(id)],
    );
    if (!contact) throw notFound('Contact');
    return toContact(contact);
  }

  list(op: Operation, args: ContactListArgs): Promise<ContactConnection> {
    return this.listing.page(op, args);
  }

  async create(op: Operation, input: ContactInput): Promise<ContactType> {
    return this.get(op, await this.writes.create(op, input));
  }

  async update(op: Operation, id: string, input: ContactPatch): Promise<ContactType> {
    await this.writes.update(op, id, input);
    return this.get(op, id);
  }

  /** The contact behind a social identity, created from it (first contact: subscriber) when missing. */
  async ensureForIdentity(
    op: Operation,
    identityId: string,
    stage = 'subscriber',
  ): Promise<{ id: string; lifecycleStage: string }> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [existing] = await manager.query(
      `SELECT c.id, c.lifecycle_stage AS "lifecycleStage" FROM social_identity i
       JOIN contact c ON c.tenant_id = i.tenant_id AND c.id = i.contact_id
       WHERE i.tenant_id = $1 AND i.id = $2`,
      [tenantId, identityId],
    );
    if (existing) return existing;
    const id = newId();
    await manager.query(
      `INSERT INTO contact (tenant_id, id, display_name, lifecycle_stage)
       SELECT $1, $2, coalesce(i.display_name, i.handle), $4 FROM social_identity i WHERE i.tenant_id = $1 AND i.id = $3`,
      [tenantId, id, identityId, stage],
    );
    await manager.query(
      'UPDATE social_identity SET contact_id = $3 WHERE tenant_id = $1 AND id = $2',
      [tenantId, identityId, id],
    );
    return { id, lifecycleStage: stage };
  }

  /** Marks a contact as engaged: a subscriber (or someone new) becomes a lead; later stages stay. */
  async markAsLead(
    op: Operation,
    contact: { id: string; lifecycleStage: string },
    actorId: string | null,
  ): Promise<string> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const move = transitionLifecycle(contact.lifecycleStage as LifecycleOrigin, {
      type: 'engaged',
    });
    if (!move.ok) throw conflict(move.error.message);
    if (move.changed) {
      // The lifecycle's triggers keep the move in the history and on the timeline, by the
      // acting user (app.user_id), with the machine's event and reason.
      const context = { cause: actorId ? 'AGENT' : 'EVENT', event: 'engaged', reason: move.reason };
      await manager.query(`SELECT set_config('app.lifecycle_context', $1, true)`, [
        JSON.stringify(context),
      ]);
      await manager.query(
        'UPDATE contact SET lifecycle_stage = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2',
        [tenantId, contact.id, move.stage],
      );
      await manager.query(`SELECT set_config('app.lifecycle_context', '', true)`);
    }
    return move.stage;
  }
}
