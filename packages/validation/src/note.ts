import { z } from 'zod';
import { atMostCharacters } from './text.js';

export const NOTE_BODY_MAX = 10_000;

/** A note's (or a logged call's) text: trimmed, required, at most 10,000 characters. */
export const noteBodySchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .refine(...atMostCharacters(NOTE_BODY_MAX));

/** The interactions an agent logs by hand. */
export const InteractionKind = { CALL: 'CALL', MEETING: 'MEETING' } as const;
export type InteractionKind = (typeof InteractionKind)[keyof typeof InteractionKind];

/** Where a logged call or meeting took place. */
export const InteractionChannel = {
  PHONE: 'PHONE',
  VIDEO: 'VIDEO',
  IN_PERSON: 'IN_PERSON',
} as const;
export type InteractionChannel = (typeof InteractionChannel)[keyof typeof InteractionChannel];

/** A clock a few minutes fast on the agent's machine is not a call in the future. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A call or meeting that took place (never in the future). */
export const interactionInputSchema = z.object({
  kind: z.enum(InteractionKind),
  occurredAt: z.coerce
    .date('is not a valid date')
    .refine((date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS, {
      message: 'cannot be in the future',
      params: { reason: 'IN_THE_FUTURE' },
    }),
  body: noteBodySchema.optional().nullable(),
  channel: z.enum(InteractionChannel).optional().nullable(),
});
export type InteractionInputRecord = z.output<typeof interactionInputSchema>;
