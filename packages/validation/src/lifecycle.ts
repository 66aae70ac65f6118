import { LIFECYCLE_STAGES } from '@socialcrm/domain';
import { z } from 'zod';

/** An agent's move of a contact to another stage; the reason is kept in the history. */
export const lifecycleMoveSchema = z.object({
  contactId: z.uuid('is not a valid id'),
  stage: z.enum(LIFECYCLE_STAGES, { error: `must be one of: ${LIFECYCLE_STAGES.join(', ')}` }),
  reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
});
export type LifecycleMoveInput = z.output<typeof lifecycleMoveSchema>;

/** The tenant's lifecycle thresholds. */
export const lifecycleSettingsSchema = z.object({
  churnAfterDays: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 3650')
    .max(3650, 'must be between 1 and 3650'),
});
export type LifecycleSettingsInput = z.output<typeof lifecycleSettingsSchema>;
