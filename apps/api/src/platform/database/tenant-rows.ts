/**
 * Rows read for several tenants in one statement (an agency's report), grouped by tenant: every
 * listed tenant has an entry (empty when it has no rows), each keeping the rows' order. A row of
 * a tenant not listed means the row policies and the list disagree: a bug, not data.
 */
export function groupByTenant<T extends { tenantId: string }>(
  tenantIds: readonly string[],
  rows: readonly T[],
): Map<string, Omit<T, 'tenantId'>[]> {
  const grouped = new Map<string, Omit<T, 'tenantId'>[]>(tenantIds.map((id) => [id, []]));
  for (const { tenantId, ...row } of rows) {
    const group = grouped.get(tenantId);
    if (!group) throw new Error('A many-tenant read returned a tenant outside its scope');
    group.push(row);
  }
  return grouped;
}
