import { AgencyRole, type TenantRole } from '../../platform/auth/roles.js';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { conflict, forbidden, notFound } from '../../platform/errors/app-error.js';
import { parseInput } from '../../platform/graphql/validation.js';
import { AppUser } from '../auth/index.js';
import { AgencyMembership } from './entities/agency-membership.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { type CreateTenantInput, createTenantSchema } from './inputs/tenancy.input.js';
import type { AgencyAccess, Me, TenantAccess, TenantType } from './tenancy.types.js';

const MAX_LISTED_TENANTS = 1000;

interface TenantAccessRow {
  id: string;
  name: string;
  slug: string;
  role: TenantRole;
  agency_id: string | null;
  agency_name: string | null;
  agency_slug: string | null;
}

/** Agencies, tenants and what a user reaches. */
export class TenancyService {
  async me(op: Operation): Promise<Me> {
    const { userId } = await op.access();
    if (!userId) throw forbidden('Only users have a profile');
    const manager = await op.manager();
    const user = await manager.getRepository(AppUser).findOneByOrFail({ id: userId });
    const rows: TenantAccessRow[] = await manager.query(
      `SELECT t.id, t.name, t.slug, access.role, a.id AS agency_id, a.name AS agency_name, a.slug AS agency_slug
       FROM app.user_tenant_access access
       JOIN tenant t ON t.id = access.tenant_id
       LEFT JOIN agency a ON a.id = t.agency_id
       ORDER BY a.name NULLS LAST, t.name LIMIT ${MAX_LISTED_TENANTS}`,
    );
    const agencies: Array<{ id: string; name: string; slug: string; role: AgencyRole }> =
      await manager.query(
        `SELECT a.id, a.name, a.slug, am.role FROM agency_membership am JOIN agency a ON a.id = am.agency_id
       WHERE am.user_id = $1 ORDER BY a.name`,
        [userId],
      );
    return {
      user,
      tenants: rows.map(toTenantAccess),
      agencies: agencies.map(({ role, ...agency }): AgencyAccess => ({ agency, role })),
    };
  }

  /** An agency admin creates a tenant in that agency; admins and members reach it at once. */
  async createTenant(op: Operation, input: CreateTenantInput): Promise<TenantType> {
    const values = parseInput(createTenantSchema, input, 'input');
    const { userId } = await op.access();
    if (!userId) throw forbidden('Only an admin of the agency can create its tenants');
    const manager = await op.manager();
    const adminship = await manager
      .getRepository(AgencyMembership)
      .findOneBy({ agencyId: values.agencyId, userId, role: AgencyRole.ADMIN });
    if (!adminship) throw forbidden('Only an admin of the agency can create its tenants');
    const tenant = {
      id: newId(),
      agencyId: values.agencyId,
      name: values.name,
      slug: values.slug ?? slugify(values.name),
    };
    try {
      await manager.getRepository(Tenant).insert(tenant);
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('A tenant with this slug already exists', 'input.slug');
      throw error;
    }
    const [agency] = await manager.query('SELECT id, name, slug FROM agency WHERE id = $1', [
      values.agencyId,
    ]);
    if (!agency) throw notFound('Agency');
    return { id: tenant.id, name: tenant.name, slug: tenant.slug, agency };
  }
}

function toTenantAccess(row: TenantAccessRow): TenantAccess {
  const agency = row.agency_id
    ? { id: row.agency_id, name: row.agency_name ?? '', slug: row.agency_slug ?? '' }
    : null;
  return { role: row.role, tenant: { id: row.id, name: row.name, slug: row.slug, agency } };
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `${slug || 'tenant'}-${newId().slice(-6)}`;
}
