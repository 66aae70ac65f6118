import type { EntityManager } from 'typeorm';
import type { FieldProblem } from '../../platform/errors/app-error.js';

/** Whether a user can own contacts here (acts in the tenant, not as a viewer); else the problem. */
export async function ownerProblem(
  manager: EntityManager,
  tenantId: string,
  userId: string,
  field: string,
): Promise<FieldProblem | null> {
  const [access] = await manager.query(
    'SELECT role FROM app.tenant_access($2) WHERE user_id = $1',
    [userId, tenantId],
  );
  if (!access) return { field, message: 'has no access to this tenant' };
  if (access.role === 'VIEWER') return { field, message: 'is a viewer and cannot own contacts' };
  return null;
}
