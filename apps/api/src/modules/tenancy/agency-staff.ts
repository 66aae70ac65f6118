import type { Operation } from '../../platform/database/operation-scope.js';
import { forbidden } from '../../platform/errors/app-error.js';
import type { AgencyType, TenantType } from './tenancy.types.js';

/** An agency as its staff see it: its tenants by name, the first `limit` of `tenantCount`. */
export interface StaffAgency {
  readonly agency: AgencyType;
  readonly tenantCount: number;
  readonly tenants: TenantType[];
}

/**
 * The agency and its tenants when the signed-in user is on its staff (admin or member);
 * refuses alike an agency they are not staff of and one that does not exist.
 */
export async function agencyOfStaff(
  op: Operation,
  agencyId: string,
  limit: number,
): Promise<StaffAgency> {
  const { userId } = await op.access();
  const refusal = forbidden('Only the staff of an agency reach its tenants');
  if (!userId) throw refusal;
  const manager = await op.manager();
  const [agency]: AgencyType[] = await manager.query(
    `SELECT a.id, a.name, a.slug FROM agency a
     JOIN agency_membership am ON am.agency_id = a.id AND am.user_id = $2
     WHERE a.id = $1`,
    [agencyId, userId],
  );
  if (!agency) throw refusal;
  const rows: Array<{ id: string; name: string; slug: string; total: number }> =
    await manager.query(
      `SELECT t.id, t.name, t.slug, count(*) OVER ()::int AS total FROM tenant t
       WHERE t.agency_id = $1 ORDER BY t.name, t.id LIMIT $2`,
      [agencyId, limit],
    );
  return {
    agency,
    tenantCount: rows[0]?.total ?? 0,
    tenants: rows.map(({ id, name, slug }) => ({ id, name, slug, agency })),
  };
}
