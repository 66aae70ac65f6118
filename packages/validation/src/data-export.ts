import { z } from 'zod';
import { atMostCharacters, requiredName } from './text.js';

/** The UI languages a CSV export is written for (separator, decimal mark). */
export const EXPORT_LOCALES = ['es', 'en', 'ru'] as const;
export const EXPORT_ENTITIES = ['CONTACTS', 'COMPANIES', 'ORDERS'] as const;
export const EXPORT_SEARCH_MAX = 200;
export const ERASURE_REASON_MAX = 500;

/** What to export: the entity, the list's search, the contacts' filter, the language of the file. */
export const startDataExportSchema = z
  .object({
    entity: z.enum(EXPORT_ENTITIES, 'must be CONTACTS, COMPANIES or ORDERS'),
    search: z
      .string()
      .trim()
      .refine(...atMostCharacters(EXPORT_SEARCH_MAX))
      .transform((value) => value || null)
      .optional()
      .nullable(),
    contactFilter: z.record(z.string(), z.unknown()).optional().nullable(),
    locale: z.enum(EXPORT_LOCALES, 'must be es, en or ru').optional().nullable(),
  })
  .superRefine(({ entity, search, contactFilter }, context) => {
    if (contactFilter && entity !== 'CONTACTS')
      context.addIssue({
        code: 'custom',
        path: ['contactFilter'],
        message: 'only applies to a CONTACTS export',
      });
    if (search && entity === 'ORDERS')
      context.addIssue({ code: 'custom', path: ['search'], message: 'orders are not searched' });
  });
export type StartDataExport = z.output<typeof startDataExportSchema>;

/** Why a contact is erased: said by the one who erases it, kept in the audit log. */
export const eraseContactReasonSchema = requiredName(ERASURE_REASON_MAX);
