import type { ResultOf } from '../graphql.js';
import type { MeQuery } from '../modules/tenancy/composables/use-me.js';

export type TenantRole = ResultOf<typeof MeQuery>['me']['tenants'][number]['role'];

const RANK: Record<TenantRole, number> = { VIEWER: 0, AGENT: 1, MANAGER: 2, OWNER: 3 };

/** Whether a role is at least as strong as another (VIEWER < AGENT < MANAGER < OWNER). */
export function hasRole(role: TenantRole | null | undefined, least: TenantRole): boolean {
  return role != null && RANK[role] >= RANK[least];
}

export const TENANT_ROLES: readonly TenantRole[] = ['VIEWER', 'AGENT', 'MANAGER', 'OWNER'];
