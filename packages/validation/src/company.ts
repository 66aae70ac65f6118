import { z } from 'zod';
import { because } from './rules.js';
import { atMostCharacters, requiredName } from './text.js';

/**
 * A company's head-count band (employees), as the common B2B data providers bucket it:
 * SIZE_1_10 is 1 to 10 employees, …, SIZE_10001_PLUS more than 10,000.
 */
export const CompanySize = {
  SIZE_1_10: 'SIZE_1_10',
  SIZE_11_50: 'SIZE_11_50',
  SIZE_51_200: 'SIZE_51_200',
  SIZE_201_500: 'SIZE_201_500',
  SIZE_501_1000: 'SIZE_501_1000',
  SIZE_1001_5000: 'SIZE_1001_5000',
  SIZE_5001_10000: 'SIZE_5001_10000',
  SIZE_10001_PLUS: 'SIZE_10001_PLUS',
} as const;
export type CompanySize = (typeof CompanySize)[keyof typeof CompanySize];

/** The labels a form shows for each band. */
export const COMPANY_SIZE_LABELS: Readonly<Record<CompanySize, string>> = {
  SIZE_1_10: '1–10',
  SIZE_11_50: '11–50',
  SIZE_51_200: '51–200',
  SIZE_201_500: '201–500',
  SIZE_501_1000: '501–1,000',
  SIZE_1001_5000: '1,001–5,000',
  SIZE_5001_10000: '5,001–10,000',
  SIZE_10001_PLUS: '10,001+',
};

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/**
 * A web domain as stored: the lower-case host of whatever was written (`https://www.Acme.com/about`,
 * `acme.com.`), without scheme, port, path or a leading `www.`, international names in
 * punycode. Null when it is not a domain name.
 */
export function normaliseDomain(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  if (!URL.canParse(withScheme)) return null;
  const host = new URL(withScheme).hostname.replace(/\.$/, '').replace(/^www\./, '');
  return HOST.test(host) ? host : null;
}

export const companyDomainSchema = z
  .string()
  .refine(...atMostCharacters(2000))
  .refine(
    ...because(
      (text: string) => normaliseDomain(text) !== null,
      'is not a web domain such as acme.com',
      {
        reason: 'DOMAIN',
      },
    ),
  )
  .transform((text) => normaliseDomain(text) as string);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .refine(...atMostCharacters(max))
    .transform((value) => value || null)
    .optional()
    .nullable();

const customValuesSchema = z
  .array(
    z.object({ key: z.string().trim().min(1).max(50), value: z.string().nullable().optional() }),
  )
  .max(200);

const companyShape = {
  domain: z
    .string()
    .transform((text) => text.trim() || null)
    .pipe(companyDomainSchema.nullable())
    .optional()
    .nullable(),
  industry: optionalText(100),
  size: z.enum(CompanySize).optional().nullable(),
  customFields: customValuesSchema.optional().nullable(),
  externalId: optionalText(200),
};

/** A new company. */
export const companyInputSchema = z.object({ name: requiredName(200), ...companyShape });
export type CompanyInputRecord = z.output<typeof companyInputSchema>;

/** A patch: omitted fields keep their value, null clears one (the name cannot be cleared). */
export const companyPatchSchema = z.object({ name: requiredName(200).optional(), ...companyShape });
export type CompanyPatchRecord = z.output<typeof companyPatchSchema>;

/** A contact's role at a company (a job title, "buyer"); blank means none. */
export const companyRoleSchema = optionalText(100);

/** A band as spreadsheets write it: its name (SIZE_11_50) or its range (11-50, 11–50, 10,001+). */
export function companySizeFromText(text: string): CompanySize | null {
  const compact = text
    .trim()
    .toUpperCase()
    .replace(/[\s,.]/g, '')
    .replace(/[–—]/g, '-');
  if (compact in CompanySize) return compact as CompanySize;
  const band = Object.entries(COMPANY_SIZE_LABELS).find(
    ([, label]) => label.replace(/[,]/g, '').replace('–', '-') === compact,
  );
  return (band?.[0] as CompanySize | undefined) ?? null;
}

/** A company as one import row gives it: the size may be a band's range. */
export const companyImportRowSchema = companyInputSchema.extend({
  size: z
    .string()
    .refine(
      ...because(
        (text: string) => companySizeFromText(text) !== null,
        'is not a company size such as 11-50',
        {
          reason: 'ONE_OF',
          params: { options: Object.values(COMPANY_SIZE_LABELS).join(', ') },
        },
      ),
    )
    .transform((text) => companySizeFromText(text) as CompanySize)
    .optional()
    .nullable(),
});
