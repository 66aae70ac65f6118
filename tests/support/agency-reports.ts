import { expect } from 'vitest';
import { type Caller, errorCodes, type GraphQLResponse } from './graphql-client.js';
import type { World } from './world.js';

/** Asks for one agency report (of North when no agency is named). */
export type AgencyReportCall = (
  caller: Caller,
  agencyId?: string,
) => Promise<GraphQLResponse<unknown>>;

/** An agency report of North names North and its two tenants, A and A2, by name. */
export function expectNorthAndItsTenants(
  report: {
    agency: { id: string; name: string };
    tenantCount: number;
    tenants: ReadonlyArray<{ tenant: { id: string; name: string } }>;
  },
  world: World,
) {
  expect(report.agency).toEqual({ id: world.agencies.north, name: 'North' });
  expect(report.tenantCount).toBe(2);
  expect(report.tenants.map((row) => row.tenant)).toEqual([
    { id: world.tenants.a, name: 'Tenant A' },
    { id: world.tenants.a2, name: 'Tenant A2' },
  ]);
}

/**
 * An agency report is refused (FORBIDDEN, no data) to staff of another agency, to direct
 * members of its tenants and for an agency that does not exist; asked without signing in it
 * is UNAUTHENTICATED, and for a malformed id BAD_USER_INPUT.
 */
export async function expectAgencyReportRefusals(
  ask: AgencyReportCall,
  callers: Record<'northAdmin' | 'northMember' | 'aOwner' | 'bOwner', Caller>,
  world: World,
) {
  const refused = [
    await ask(callers.northAdmin, world.agencies.south), // staff of another agency
    await ask(callers.bOwner, world.agencies.south), // owner of B, not agency staff
    await ask(callers.aOwner, world.agencies.north), // owner of A, not agency staff
    await ask(callers.bOwner, '00000000-0000-4000-8000-000000000000'), // no such agency
  ];
  for (const response of refused) {
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.data ?? null).toBeNull();
  }
  expect(errorCodes(await ask({}))).toEqual(['UNAUTHENTICATED']);
  expect(errorCodes(await ask(callers.northMember, 'not-an-id'))).toEqual(['BAD_USER_INPUT']);
}
