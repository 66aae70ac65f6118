import type { EntityManager } from 'typeorm';
import { type RequestContext, systemContext } from '../../../platform/context/request-context.js';
import type { OperationScopes } from '../../../platform/database/operation-scope.js';

/**
 * Runs background work in one tenant, in its own transaction under RLS. A fresh context per
 * call: scopes are keyed by context, so two concurrent calls never share a transaction.
 */
export function inTenant<T>(
  scopes: OperationScopes,
  tenantId: string,
  work: (manager: EntityManager, ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const ctx = systemContext(tenantId);
  return scopes.run(ctx, (manager) => work(manager, ctx));
}
