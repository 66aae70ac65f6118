import type { EntityManager } from 'typeorm';
import { TenantRole } from '../../platform/auth/roles.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { conflict, notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { requireId } from '../../platform/graphql/validation.js';
import { Membership } from './entities/membership.entity.js';
import type { MemberType, PersonWithAccess } from './tenancy.types.js';

type Roles = Pick<PersonWithAccess, 'role' | 'directRole' | 'agencyRole'>;

/** Direct members of the active tenant. Callers have checked the role. */
export class MemberService {
  async list(op: Operation, first: number, after: string | null): Promise<Page<MemberType>> {
    checkPageSize(first);
    const cursor = after ? decodeCursor(after).id : null;
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const [result] = await manager.query(
      `SELECT (SELECT count(*)::int FROM membership WHERE tenant_id = $1) AS total,
              coalesce((SELECT json_agg(page) FROM (
                SELECT u.id, m.role, m.created_at AS "createdAt",
                       json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'locale', u.locale) AS "user"
                FROM membership m JOIN app_user u ON u.id = m.user_id
                WHERE m.tenant_id = $1 AND ($2::uuid IS NULL OR u.id > $2)
                ORDER BY u.id LIMIT $3) page), '[]') AS rows`,
      [tenantId, cursor, first + 1],
    );
    const rows = (result.rows as MemberType[]).map((row) => ({
      ...row,
      createdAt: new Date(row.createdAt),
    }));
    return toPage(rows, first, result.total);
  }

  /** Everyone with access to the active tenant (at most 500), by name. */
  async peopleWithAccess(op: Operation): Promise<PersonWithAccess[]> {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const rows: Array<{ id: string; email: string; name: string; locale: string } & Roles> =
      await manager.query(
        `SELECT u.id, u.email, u.name, u.locale, a.role, a.direct_role AS "directRole",
                a.agency_role AS "agencyRole"
         FROM app.tenant_access($1) a JOIN app_user u ON u.id = a.user_id
         ORDER BY u.name, u.id LIMIT 500`,
        [tenantId],
      );
    return rows.map(({ role, directRole, agencyRole, ...user }) => ({
      user,
      role,
      directRole,
      agencyRole,
    }));
  }

  async changeRole(op: Operation, userId: string, role: TenantRole): Promise<MemberType> {
    const manager = await op.manager();
    const membership = await this.lockMembership(op, manager, requireId(userId, 'userId'));
    if (membership.role === TenantRole.OWNER && role !== TenantRole.OWNER)
      await this.keepAnOwner(manager, membership);
    await manager
      .getRepository(Membership)
      .update({ tenantId: membership.tenantId, userId: membership.userId }, { role });
    return this.describe(manager, { ...membership, role });
  }

  async remove(op: Operation, userId: string): Promise<string> {
    const manager = await op.manager();
    const membership = await this.lockMembership(op, manager, requireId(userId, 'userId'));
    if (membership.role === TenantRole.OWNER) await this.keepAnOwner(manager, membership);
    await manager
      .getRepository(Membership)
      .delete({ tenantId: membership.tenantId, userId: membership.userId });
    return membership.userId;
  }

  private async lockMembership(
    op: Operation,
    manager: EntityManager,
    userId: string,
  ): Promise<Membership> {
    const tenantId = await op.tenantId();
    const membership = await manager
      .getRepository(Membership)
      .findOne({ where: { tenantId, userId }, lock: { mode: 'pessimistic_write' } });
    if (!membership) throw notFound('Member');
    return membership;
  }

  /** The last owner can be neither demoted nor removed (owners are locked to serialise this). */
  private async keepAnOwner(manager: EntityManager, leaving: Membership): Promise<void> {
    const owners = await manager.getRepository(Membership).find({
      where: { tenantId: leaving.tenantId, role: TenantRole.OWNER },
      lock: { mode: 'pessimistic_write' },
    });
    if (owners.every((owner) => owner.userId === leaving.userId)) {
      throw conflict(
        'The last owner of a tenant cannot be removed or demoted',
        'userId',
        'LAST_OWNER',
      );
    }
  }

  private async describe(manager: EntityManager, membership: Membership): Promise<MemberType> {
    const [user] = await manager.query(
      'SELECT id, email, name, locale FROM app_user WHERE id = $1',
      [membership.userId],
    );
    return { id: membership.userId, user, role: membership.role, createdAt: membership.createdAt };
  }
}
