import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { forbidden, unauthenticated } from '../../platform/errors/app-error.js';
import { requireId } from '../../platform/graphql/validation.js';
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

/** Reads an agency's tenants in an operation admitted to them all. */
export type AgencyRead = <T>(
  read: (agencyOp: Operation, staff: StaffAgency) => Promise<T>,
) => Promise<T>;

/**
 * Checks who asks for an agency's report and where: a signed-in user (an API key acts in its
 * own tenant whatever is asked: agencies are for users) and a well-formed agency id. The read
 * it answers opens an operation of its own in no tenant and admits the agency's tenants to it
 * (`admitAgency`); the caller's operation (opened in its active tenant) is never used.
 */
export function agencyRead(
  scopes: OperationScopes,
  op: Operation,
  agencyIdInput: string,
): AgencyRead {
  const { request } = op;
  if (request.principal.kind === 'anonymous') throw unauthenticated();
  if (request.principal.kind !== 'user') throw forbidden('Only users reach an agency');
  const agencyId = requireId(agencyIdInput, 'agencyId');
  return (read) =>
    scopes.run({ ...request, requestedTenantId: null }, async (agencyOp) =>
      read(agencyOp, await admitAgency(agencyOp, agencyId)),
    );
}
