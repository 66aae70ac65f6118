import { describe, expect, it } from 'vitest';
import { groupTenantsByAgency } from './tenant-groups.js';

const lumen = { id: 'a1', name: 'Lumen Agency' };
const acme = { id: 'a2', name: 'Acme Media' };
const access = (name: string, agency: typeof lumen | null, role = 'OWNER') => ({
  role,
  tenant: { id: `t-${name}`, name, agency },
});

describe(groupTenantsByAgency.name, () => {
  it('groups tenants by agency, agencies and tenants by name, direct tenants last', () => {
    const groups = groupTenantsByAgency([
      access('Nova Sports', lumen),
      access('Solo Shop', null, 'VIEWER'),
      access('Café Aurora', lumen),
      access('Zeta', acme),
    ]);
    expect(groups.map((g) => [g.agency?.name ?? null, g.items.map((i) => i.tenant.name)])).toEqual([
      ['Acme Media', ['Zeta']],
      ['Lumen Agency', ['Café Aurora', 'Nova Sports']],
      [null, ['Solo Shop']],
    ]);
  });

  it('returns no groups for no tenants', () => {
    expect(groupTenantsByAgency([])).toEqual([]);
  });
});
