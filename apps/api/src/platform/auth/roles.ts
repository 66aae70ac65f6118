import { TenantRole } from '@socialcrm/validation';
import { registerEnumType } from 'type-graphql';

/** A user's role inside one tenant, least to most powerful. */
export { TenantRole };

/** A user's role inside an agency: an admin manages its tenants, a member works in all of them. */
export enum AgencyRole {
  MEMBER = 'MEMBER',
  ADMIN = 'ADMIN',
}

const rank: Record<TenantRole, number> = {
  [TenantRole.VIEWER]: 0,
  [TenantRole.AGENT]: 1,
  [TenantRole.MANAGER]: 2,
  [TenantRole.OWNER]: 3,
};

export function roleAtLeast(actual: TenantRole | null, needed: TenantRole): boolean {
  return actual !== null && rank[actual] >= rank[needed];
}

export function higherRole(a: TenantRole, b: TenantRole): TenantRole {
  return rank[a] >= rank[b] ? a : b;
}

registerEnumType(TenantRole, {
  name: 'TenantRole',
  description:
    'Role in a tenant. VIEWER reads; AGENT works conversations; MANAGER manages data; OWNER manages members.',
});
registerEnumType(AgencyRole, {
  name: 'AgencyRole',
  description:
    'Role in an agency. MEMBER works in every tenant of the agency (as MANAGER); ADMIN also creates tenants and invites users (as OWNER).',
});
