import { z } from 'zod';
import { TenantRole } from './enums.js';
import { because } from './rules.js';
import { atMostCharacters, emailSchema, requiredName } from './text.js';

export const WORKSPACE_NAME = { min: 2, max: 120 } as const;

const slug = z
  .string()
  .trim()
  .refine(
    ...because(
      (value: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value),
      'must be lower-case letters and digits separated by single hyphens',
      { reason: 'SLUG_FORMAT' },
    ),
  )
  .refine(...atMostCharacters(60));

/** A new brand workspace (tenant) of an agency. */
export const createTenantSchema = z.object({
  agencyId: z.uuid('is not a valid id'),
  name: z
    .string()
    .trim()
    .min(WORKSPACE_NAME.min, `must have at least ${WORKSPACE_NAME.min} characters`)
    .refine(...atMostCharacters(WORKSPACE_NAME.max)),
  slug: slug.optional(),
});

export const inviteMemberSchema = z.object({ email: emailSchema, role: z.enum(TenantRole) });

export const createApiKeySchema = z.object({
  name: requiredName(120),
  role: z.enum(TenantRole),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, 'is required')
    .refine(...atMostCharacters(256)),
});

export const acceptInvitationSchema = z.object({
  token: z.string().min(1, 'is required').max(200, 'is not a valid invitation token'),
  name: requiredName(120)
    .nullish()
    .transform((name) => name || undefined),
  password: z
    .string()
    .refine(...atMostCharacters(256))
    .nullish()
    .transform((password) => password || undefined),
});
