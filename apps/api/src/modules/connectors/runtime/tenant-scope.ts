import type { EntityManager } from 'typeorm';
import { systemContext } from '../../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../../platform/database/operation-scope.js';

/** Runs background work in one tenant as an operation of its own, under RLS. */
export function inTenant<T>(
  scopes: OperationScopes,
  tenantId: string,
  work: (manager: EntityManager, op: Operation) => Promise<T>,
): Promise<T> {
  return scopes.run(systemContext(tenantId), async (op) => work(await op.manager(), op));
}
