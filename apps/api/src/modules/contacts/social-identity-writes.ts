import { socialIdentitySchema } from '@socialcrm/validation';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { conflict, notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { SocialIdentityInput, SocialIdentityType } from './social-identity.type.js';

const IDENTITY_COLUMNS = `id, channel, coalesce(handle, external_id) AS handle, external_id AS "externalId",
  profile_url AS "profileUrl", display_name AS "displayName", followers, last_seen_at AS "lastSeenAt"`;

const HELD_ELSEWHERE = 'belongs to another contact; merge the two contacts to bring them together';

/**
 * Identities an agent adds or removes. An identity is unique in the tenant (channel and handle,
 * channel and external id) and held by one contact: one already known without a contact (a
 * mention author) joins this one; one another contact holds is a conflict.
 */
export class SocialIdentityWrites {
  async add(
    op: Operation,
    contactId: string,
    input: SocialIdentityInput,
  ): Promise<SocialIdentityType> {
    const identity = parseInput(socialIdentitySchema, input, 'input');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [contact] = await manager.query(
      'SELECT id FROM contact WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
      [tenantId, requireId(contactId, 'contactId')],
    );
    if (!contact) throw notFound('Contact');
    const known: { id: string; contactId: string | null; byHandle: boolean }[] =
      await manager.query(
        `SELECT id, contact_id AS "contactId", handle = $3 AS "byHandle" FROM social_identity
        WHERE tenant_id = $1 AND channel = $2 AND (handle = $3 OR external_id = $4) FOR UPDATE`,
        [tenantId, identity.channel, identity.handle, identity.externalId],
      );
    const field = (row: { byHandle: boolean }) =>
      row.byHandle ? 'input.handle' : 'input.externalId';
    const elsewhere = known.find((row) => row.contactId && row.contactId !== contact.id);
    if (elsewhere)
      throw conflict(`This ${identity.channel} identity ${HELD_ELSEWHERE}`, field(elsewhere));
    if (known.length > 1)
      throw conflict(
        `The handle and the external id name two different ${identity.channel} identities`,
        'input.externalId',
      );
    const params = [
      tenantId,
      known[0]?.id ?? newId(),
      identity.channel,
      identity.handle,
      identity.externalId,
      identity.profileUrl ?? null,
      identity.displayName,
      identity.followers ?? null,
      identity.lastSeenAt ?? null,
      contact.id,
    ];
    try {
      const [row]: SocialIdentityType[] = await manager.query(
        known[0]
          ? `UPDATE social_identity SET handle = coalesce($4, handle), external_id = coalesce($5, external_id),
               profile_url = coalesce($6, profile_url), display_name = coalesce($7, display_name),
               followers = coalesce($8, followers), last_seen_at = coalesce($9, last_seen_at),
               contact_id = $10, updated_at = now()
             WHERE tenant_id = $1 AND id = $2 AND channel = $3 RETURNING ${IDENTITY_COLUMNS}`
          : `INSERT INTO social_identity (tenant_id, id, channel, handle, external_id, profile_url, display_name,
               followers, last_seen_at, contact_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${IDENTITY_COLUMNS}`,
        params,
      );
      // An UPDATE answers [rows, count]; an INSERT answers the rows.
      return (Array.isArray(row) ? row[0] : row) as SocialIdentityType;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw conflict(`This ${identity.channel} identity ${HELD_ELSEWHERE}`, 'input.handle');
    }
  }

  /**
   * Takes an identity off its contact. One that authored mentions stays (unlinked) so the
   * mentions keep their author; any other is deleted.
   */
  async remove(op: Operation, id: string): Promise<boolean> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [[row]]: [{ authored: boolean }[]] = await manager.query(
      `UPDATE social_identity i SET contact_id = NULL, updated_at = now()
        WHERE i.tenant_id = $1 AND i.id = $2 AND i.contact_id IS NOT NULL
        RETURNING EXISTS (SELECT 1 FROM mention m WHERE m.tenant_id = i.tenant_id AND m.author_identity_id = i.id) AS authored`,
      [tenantId, requireId(id)],
    );
    if (!row) throw notFound('Social identity');
    if (!row.authored)
      await manager.query('DELETE FROM social_identity WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        id,
      ]);
    return true;
  }
}
