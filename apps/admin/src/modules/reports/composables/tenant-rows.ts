/** An agency report's tenants as its side-by-side tables take them: id, name and report. */
export function tenantRows<R>(
  tenants: ReadonlyArray<{ tenant: { id: string; name: string }; report: R }> | undefined,
): Array<{ id: string; name: string; report: R }> {
  return (tenants ?? []).map((row) => ({
    id: row.tenant.id,
    name: row.tenant.name,
    report: row.report,
  }));
}
