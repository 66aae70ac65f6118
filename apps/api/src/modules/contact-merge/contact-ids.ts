import { z } from 'zod';
import { isUuid } from '../../platform/uuid.js';

/** A list of `min`–`max` distinct contact ids (merges, dismissals). */
export const contactIdList = (min: number, max: number) =>
  z
    .array(
      z
        .string()
        .refine(isUuid, 'is not a valid id')
        .transform((id) => id.toLowerCase()),
    )
    .min(min, `lists at least ${min} contact${min === 1 ? '' : 's'}`)
    .max(max, `lists at most ${max} contacts`)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a contact twice');
