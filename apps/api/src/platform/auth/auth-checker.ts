import type { AuthChecker } from 'type-graphql';
import { badUserInput, forbidden, unauthenticated } from '../errors/app-error.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { roleAtLeast, type TenantRole } from './roles.js';

/**
 * `@Authorized()` asks for any signed-in caller; `@Authorized(TenantRole.X)` asks for at least
 * role X in the tenant named by the request. The check opens the operation's transaction, so
 * the role comes from the same statement that admits the tenant's rows.
 */
export function createAuthChecker(): AuthChecker<GraphQLContext, TenantRole> {
  return async ({ context }, roles) => {
    const { request, operation } = context;
    if (request.principal.kind === 'anonymous') throw unauthenticated();
    const access = await operation.access();
    const needed = roles[0];
    if (!needed) return true;
    if (!access.tenantId && !request.requestedTenantId) {
      throw badUserInput([
        { field: 'X-Tenant-Id', message: 'header is required for this operation' },
      ]);
    }
    if (!access.role) throw forbidden('No access to this tenant');
    if (!roleAtLeast(access.role, needed)) throw forbidden(`Requires the ${needed} role or higher`);
    return true;
  };
}
