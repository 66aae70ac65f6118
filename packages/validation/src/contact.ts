import { LIFECYCLE_STAGES } from '@socialcrm/domain';
import type { CountryCode } from 'libphonenumber-js';
import { getCountries, parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { because } from './rules.js';
import { atMostCharacters, emailSchema } from './text.js';

export const CONTACT_EMAILS_MAX = 20;
export const CONTACT_PHONES_MAX = 20;
export const CONTACT_TAGS_MAX = 50;
/**
 * The contacts list counts its matches exactly up to this many; past it, `totalCount` answers
 * one more, meaning "more than". Shared so the admin words the count as the api means it.
 */
export const CONTACT_COUNT_CAP = 1_000;

const COUNTRIES = new Set<string>(getCountries());

/** Whether `code` is an ISO 3166-1 alpha-2 country (upper case). */
export const isCountryCode = (code: string) => COUNTRIES.has(code);

/**
 * A phone as E.164 (`+34600111222`), or null when it is not a valid number. A number without
 * `+` is read as dialled in `country` (the contact's), so it needs one.
 */
export function toE164(phone: string, country: string | null | undefined): string | null {
  const text = phone.trim();
  const region = country && isCountryCode(country) ? (country as CountryCode) : undefined;
  if (!text.startsWith('+') && !region) return null;
  const parsed = parsePhoneNumberFromString(text, region);
  return parsed?.isValid() ? parsed.number : null;
}

export interface PhoneProblem {
  readonly index: number;
  readonly message: string;
}

/** Every phone as E.164 (duplicates dropped), and the ones that are not valid numbers. */
export function normalisePhones(
  phones: readonly string[],
  country: string | null | undefined,
): { phones: string[]; problems: PhoneProblem[] } {
  const out: string[] = [];
  const problems: PhoneProblem[] = [];
  phones.forEach((phone, index) => {
    const e164 = toE164(phone, country);
    if (!e164)
      problems.push({
        index,
        message: phone.trim().startsWith('+')
          ? 'is not a valid phone number'
          : 'is not a valid phone number (write it with + and the country code, or give the contact a country)',
      });
    else if (!out.includes(e164)) out.push(e164);
  });
  return { phones: out, problems };
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .refine(...atMostCharacters(max))
    .transform((value) => value || null)
    .optional()
    .nullable();

/** BCP 47 tag (`es`, `pt-BR`); its primary language subtag is kept, lower-cased. */
export const languageSchema = z
  .string()
  .trim()
  .refine(
    ...because(
      (tag: string) => /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.test(tag),
      'must be a BCP 47 language tag such as es or pt-BR',
      { reason: 'LANGUAGE' },
    ),
  )
  .transform((tag) => tag.split(/[-_]/)[0]?.toLowerCase() ?? tag);

export const countrySchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .refine(
    ...because(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code such as ES', {
      reason: 'COUNTRY',
    }),
  );

export const contactEmailSchema = emailSchema.transform((email) => email.toLowerCase());

/** Tags: trimmed, at most 50 characters, without repeats. */
export const tagsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'is required')
      .refine(...atMostCharacters(50)),
  )
  .max(CONTACT_TAGS_MAX)
  .transform((tags) => [...new Set(tags)]);

const consentSchema = z
  .object({ granted: z.boolean(), source: optionalText(100) })
  .optional()
  .nullable();

const customValuesSchema = z
  .array(
    z.object({ key: z.string().trim().min(1).max(50), value: z.string().nullable().optional() }),
  )
  .max(200)
  .transform((pairs) => Object.fromEntries(pairs.map(({ key, value }) => [key, value ?? null])));

/** A contact's gender as they state it. */
export const CONTACT_GENDERS = ['female', 'male', 'non_binary', 'other'] as const;

/** A birth date: an ISO calendar date (YYYY-MM-DD) in the past, not before 1900. */
export const birthDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { message: 'is not a calendar date', abort: true },
  )
  .refine((value) => value >= '1900-01-01', 'must not be before 1900-01-01')
  .refine((value) => value < new Date().toISOString().slice(0, 10), 'must be in the past');

/** The fields a contact is written with; phones stay as given until the country is known. */
const contactShape = {
  displayName: optionalText(200),
  firstName: optionalText(100),
  lastName: optionalText(100),
  emails: z
    .array(contactEmailSchema)
    .max(CONTACT_EMAILS_MAX)
    .transform((emails) => [...new Set(emails)])
    .optional()
    .nullable(),
  phones: z
    .array(z.string().trim().min(1, 'is required').max(40))
    .max(CONTACT_PHONES_MAX)
    .optional()
    .nullable(),
  language: languageSchema.optional().nullable(),
  country: countrySchema.optional().nullable(),
  city: optionalText(100),
  tags: tagsSchema.optional().nullable(),
  ownerId: z.uuid('is not a valid id').optional().nullable(),
  emailConsent: consentSchema,
  socialConsent: consentSchema,
  customFields: customValuesSchema.optional().nullable(),
  externalId: optionalText(200),
  gender: z.enum(CONTACT_GENDERS).optional().nullable(),
  birthDate: birthDateSchema.optional().nullable(),
};

/** A new contact; it may enter the lifecycle at any stage (lead when not given). */
export const contactInputSchema = z.object({
  ...contactShape,
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional().nullable(),
});
export type ContactInputRecord = z.output<typeof contactInputSchema>;

/** A patch: omitted fields keep their value; null clears one. Stages move by lifecycle events. */
export const contactPatchSchema = z.object(contactShape);
export type ContactPatchRecord = z.output<typeof contactPatchSchema>;

/** The name shown in lists when none is given: the person's name, else an email or phone. */
export function deriveDisplayName(contact: {
  displayName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  emails?: readonly string[] | null;
  phones?: readonly string[] | null;
}): string | null {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return contact.displayName || name || contact.emails?.[0] || contact.phones?.[0] || null;
}
