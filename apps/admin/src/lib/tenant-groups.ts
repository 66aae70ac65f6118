export interface TenantAccessLike {
  role: string;
  tenant: { id: string; name: string; agency?: { id: string; name: string } | null };
}

export interface TenantGroup<T extends TenantAccessLike> {
  /** null for tenants outside any agency. */
  agency: { id: string; name: string } | null;
  items: T[];
}

/** Groups tenants by agency (agencies by name, direct tenants last), tenants by name in each. */
export function groupTenantsByAgency<T extends TenantAccessLike>(
  tenants: readonly T[],
): TenantGroup<T>[] {
  const groups = new Map<string, TenantGroup<T>>();
  for (const access of tenants) {
    const agency = access.tenant.agency ?? null;
    const key = agency?.id ?? '';
    const group = groups.get(key) ?? { agency, items: [] };
    group.items.push(access);
    groups.set(key, group);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  for (const group of groups.values()) {
    group.items.sort((a, b) => byName(a.tenant.name, b.tenant.name));
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.agency) return 1;
    if (!b.agency) return -1;
    return byName(a.agency.name, b.agency.name);
  });
}
