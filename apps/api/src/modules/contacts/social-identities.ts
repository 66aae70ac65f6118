import { transitionLifecycle } from '@socialcrm/domain';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import {
  type AuthorUpsert,
  UPSERT_AUTHORS,
  upsertAuthorsParams,
} from './social-identity-statements.js';

/** A social identity as the ingest path knows it: its id and the contact behind it, if any. */
export interface KnownIdentity {
  readonly id: string;
  contactId: string | null;
}

/** A mention that joins its author's contact timeline. */
export interface MentionOnTimeline {
  readonly contactId: string;
  readonly mentionId: string;
  readonly channel: string;
  readonly body: string;
  readonly occurredAt: Date | string;
}

/** The key of an author within a tenant: channel and handle (without @, lower-cased). */
export const identityKey = (channel: string, handle: string) => `${channel}\u0000${handle}`;

// Leads made from new authors enter the lifecycle as the machine says an engaged newcomer does.
const newcomerStage = (() => {
  const move = transitionLifecycle('new', { type: 'engaged' });
  if (!move.ok) throw new Error(`lifecycle refuses an engaged newcomer: ${move.error.message}`);
  return move.stage;
})();

/**
 * Authors of posts, in bulk, in the caller's operation: what the ingest path asks of the
 * contacts module (their identities, leads made of newcomers, mentions on timelines).
 */
export class SocialIdentities {
  /** Upserts the authors; answers every one by `identityKey`. */
  async upsertAuthors(
    op: Operation,
    authors: readonly AuthorUpsert[],
  ): Promise<Map<string, KnownIdentity>> {
    if (!authors.length) return new Map();
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    type Row = KnownIdentity & { readonly channel: string; readonly handle: string };
    const rows: Row[] = await manager.query(UPSERT_AUTHORS, upsertAuthorsParams(tenantId, authors));
    const found = new Map(rows.map((row) => [identityKey(row.channel, row.handle), row]));
    if (found.size < authors.length) {
      // Inserted meanwhile by a concurrent batch (invisible to the statement above): read them now.
      const late: Row[] = await manager.query(
        `SELECT s.id, s.channel, s.handle, s.contact_id AS "contactId" FROM social_identity s
         JOIN unnest($2::text[], $3::text[]) AS i(channel, handle) ON s.channel = i.channel AND s.handle = i.handle
         WHERE s.tenant_id = $1`,
        [tenantId, authors.map((author) => author.channel), authors.map((author) => author.handle)],
      );
      for (const row of late) found.set(identityKey(row.channel, row.handle), row);
    }
    return found;
  }

  /** Every identity not yet a contact becomes a lead contact; `identities` learn their contact. */
  async makeLeads(op: Operation, identities: Iterable<KnownIdentity>): Promise<void> {
    const newcomers = [...identities].filter((identity) => !identity.contactId);
    if (!newcomers.length) return;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const contactIds = newcomers.map(() => newId());
    await manager.query(
      `WITH made AS (
         INSERT INTO contact (tenant_id, id, display_name, lifecycle_stage)
         SELECT $1, n.contact_id, coalesce(i.display_name, i.handle), $4
         FROM unnest($2::uuid[], $3::uuid[]) AS n(identity_id, contact_id)
         JOIN social_identity i ON i.tenant_id = $1 AND i.id = n.identity_id
         RETURNING id
       )
       UPDATE social_identity i SET contact_id = n.contact_id
       FROM unnest($2::uuid[], $3::uuid[]) AS n(identity_id, contact_id)
       WHERE i.tenant_id = $1 AND i.id = n.identity_id AND n.contact_id IN (SELECT id FROM made)`,
      [tenantId, newcomers.map((identity) => identity.id), contactIds, newcomerStage],
    );
    newcomers.forEach((identity, index) => {
      identity.contactId = contactIds[index] ?? null;
    });
  }

  /** New mentions by known contacts join their timelines. */
  async recordMentions(op: Operation, entries: readonly MentionOnTimeline[]): Promise<void> {
    if (!entries.length) return;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    await manager.query(
      `INSERT INTO timeline_event (tenant_id, id, contact_id, kind, channel, cause, mention_id, body, occurred_at)
       SELECT $1, e.id, e.contact_id, 'MENTION', e.channel, 'CONNECTOR', e.mention_id, e.body, e.occurred_at
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::timestamptz[])
         AS e(id, contact_id, channel, mention_id, body, occurred_at)`,
      [
        tenantId,
        entries.map(() => newId()),
        entries.map((entry) => entry.contactId),
        entries.map((entry) => entry.channel),
        entries.map((entry) => entry.mentionId),
        entries.map((entry) => entry.body),
        entries.map((entry) => entry.occurredAt),
      ],
    );
  }
}
