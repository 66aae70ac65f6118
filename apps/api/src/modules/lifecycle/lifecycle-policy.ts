import { DEFAULT_LIFECYCLE_POLICY, type LifecyclePolicy } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';

/** The domain's policy with the tenant's churn threshold. */
export async function tenantLifecyclePolicy(op: Operation): Promise<LifecyclePolicy> {
  const [tenant]: Array<{ churnAfterDays: number }> = await (await op.manager()).query(
    'SELECT churn_after_days AS "churnAfterDays" FROM tenant WHERE id = $1',
    [await op.tenantId()],
  );
  return { ...DEFAULT_LIFECYCLE_POLICY, churnAfterDays: tenant?.churnAfterDays ?? 180 };
}
