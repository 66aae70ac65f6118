import { eraseContactReasonSchema } from '@socialcrm/validation';
import { z } from 'zod';

/** The erasure form: the reason the api keeps, and the contact's name typed to confirm. */
export interface ErasureFormValues {
  reason: string;
  confirmName: string;
}

/**
 * The api's reason rule, plus the confirmation: the name typed as the contact is called (spaces
 * and case aside), so nobody erases the wrong person by a slip.
 */
export function erasureSchema(displayName: string) {
  const same = (typed: string) =>
    typed.trim().toLocaleLowerCase() === displayName.trim().toLocaleLowerCase();
  return z.object({
    reason: eraseContactReasonSchema,
    confirmName: z.string().refine(same, { message: 'does not match the contact’s name' }),
  });
}
