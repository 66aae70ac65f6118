import { z } from 'zod';
import { atMostCharacters, requiredName } from './text.js';

export const SEGMENT_NAME_MAX = 120;
export const SEGMENT_DESCRIPTION_MAX = 1_000;

/** Contacts added to or removed from a static list in one call. */
export const SEGMENT_CONTACTS_MAX = 1_000;

/** What a segment is called and why it exists; the rule is checked by the domain's validator. */
export const segmentDetailsSchema = z.object({
  name: requiredName(SEGMENT_NAME_MAX),
  description: z
    .string()
    .trim()
    .refine(...atMostCharacters(SEGMENT_DESCRIPTION_MAX))
    .nullish()
    .transform((value) => value || null),
});
export type SegmentDetails = z.output<typeof segmentDetailsSchema>;
