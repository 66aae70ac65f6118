import { z } from 'zod';
import { MentionChannel } from './enums.js';
import { httpUrl } from './rules.js';
import { atMostCharacters } from './text.js';

/** Every channel a contact can be reached or seen on: the mention channels and then some. */
export const IdentityChannel = {
  ...MentionChannel,
  EMAIL: 'EMAIL',
  PHONE: 'PHONE',
} as const;
export type IdentityChannel = (typeof IdentityChannel)[keyof typeof IdentityChannel];

const optionalTrimmed = (max: number) =>
  z
    .string()
    .trim()
    .refine(...atMostCharacters(max))
    .transform((value) => value || null)
    .optional()
    .nullable();

/**
 * A social identity as an agent enters it. Handles are stored as the ingest path keys authors:
 * without a leading @, lower-cased. A handle or an external id is required.
 */
export const socialIdentitySchema = z
  .object({
    channel: z.enum(IdentityChannel),
    handle: optionalTrimmed(200).transform(
      (handle) => handle?.replace(/^@/, '').toLowerCase() || null,
    ),
    externalId: optionalTrimmed(200),
    profileUrl: httpUrl.optional().nullable(),
    displayName: optionalTrimmed(200),
    followers: z.number().int().min(0).max(2_000_000_000).optional().nullable(),
    lastSeenAt: z.coerce.date().optional().nullable(),
  })
  .superRefine((identity, ctx) => {
    if (identity.handle || identity.externalId) return;
    ctx.issues.push({
      code: 'custom',
      message: 'is required: give a handle or an external id',
      input: identity.handle,
      path: ['handle'],
      params: { reason: 'REQUIRED' },
    });
  });
export type SocialIdentityRecord = z.output<typeof socialIdentitySchema>;
