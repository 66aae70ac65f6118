import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import { requireId } from '../../platform/graphql/validation.js';

/** The contact an operation names, checked to exist in the active tenant (else NOT_FOUND). */
export async function requireContact(
  op: Operation,
  contactId: string,
  field = 'contactId',
): Promise<string> {
  const id = requireId(contactId, field);
  const [manager, tenantId] = [await op.manager(), await op.tenantId()];
  const [contact] = await manager.query('SELECT 1 FROM contact WHERE tenant_id = $1 AND id = $2', [
    tenantId,
    id,
  ]);
  if (!contact) throw notFound('Contact');
  return id;
}
