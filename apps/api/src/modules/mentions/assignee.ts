import type { EntityManager } from 'typeorm';
import { badUserInput } from '../../platform/errors/app-error.js';
import { requireId } from '../../platform/graphql/validation.js';

/** Refuses an assignee who cannot act on mentions here: no access to the tenant, or a viewer. */
export async function checkAssignee(
  manager: EntityManager,
  tenantId: string,
  userId: string,
): Promise<void> {
  // A viewer (direct or through the agency) only reads.
  const [access] = await manager.query(
    'SELECT role FROM app.tenant_access($2) WHERE user_id = $1',
    [requireId(userId, 'userId'), tenantId],
  );
  if (!access) throw badUserInput([{ field: 'userId', message: 'has no access to this tenant' }]);
  if (access.role === 'VIEWER')
    throw badUserInput([{ field: 'userId', message: 'is a viewer and cannot act on mentions' }]);
}
