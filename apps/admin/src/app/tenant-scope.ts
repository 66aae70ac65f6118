import type { ComputedRef, InjectionKey } from 'vue';
import { inject } from 'vue';
import type { TenantRole } from '../lib/roles.js';

export interface ActiveTenant {
  id: string;
  name: string;
  role: TenantRole;
  agencyName: string | null;
}

/** The active tenant and the caller's role in it, provided by the layout. */
export const ActiveTenantKey: InjectionKey<ComputedRef<ActiveTenant | null>> =
  Symbol('active-tenant');

export function useActiveTenant(): ComputedRef<ActiveTenant | null> {
  const tenant = inject(ActiveTenantKey);
  if (!tenant) throw new Error('useActiveTenant() needs the app layout');
  return tenant;
}
