import type { Operation } from '../../platform/database/operation-scope.js';
import { agencyOfStaff, type StaffAgency } from '../tenancy/index.js';

/** Tenants one agency report reads at once. */
export const MAX_AGENCY_REPORT_TENANTS = 200;

/**
 * Admits the caller's operation to every tenant of an agency they are staff of (admin or
 * member: owner or manager in each of its tenants), so that one query per measure reads them
 * all: `app.tenant_ids` then lists exactly those tenants and the row policies keep everything
 * else out. The operation must have been opened in no tenant; staff of another agency, direct
 * members of a tenant and API keys are refused by `agencyOfStaff`.
 */
export async function admitAgency(op: Operation, agencyId: string): Promise<StaffAgency> {
  const staff = await agencyOfStaff(op, agencyId, MAX_AGENCY_REPORT_TENANTS);
  const manager = await op.manager();
  await manager.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
    `{${staff.tenants.map((tenant) => tenant.id).join(',')}}`,
  ]);
  return staff;
}
