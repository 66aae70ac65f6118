import { lifecycleSettingsSchema } from '@socialcrm/validation';
import type { Operation } from '../../platform/database/operation-scope.js';
import { parseInput } from '../../platform/graphql/validation.js';
import type { LifecycleSettingsType } from './lifecycle.type.js';
import { tenantLifecyclePolicy } from './lifecycle-policy.js';

/** The tenant's lifecycle settings (columns of the tenant row). */
export async function lifecycleSettings(op: Operation): Promise<LifecycleSettingsType> {
  return { churnAfterDays: (await tenantLifecyclePolicy(op)).churnAfterDays };
}

/** Sets the churn threshold; the caller checks the tenant against it once this commits. */
export async function updateLifecycleSettings(
  op: Operation,
  churnAfterDays: number,
): Promise<LifecycleSettingsType> {
  const input = parseInput(lifecycleSettingsSchema, { churnAfterDays }, 'input');
  await (await op.manager()).query('UPDATE tenant SET churn_after_days = $2 WHERE id = $1', [
    await op.tenantId(),
    input.churnAfterDays,
  ]);
  return input;
}
