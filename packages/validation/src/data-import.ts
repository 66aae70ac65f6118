import { z } from 'zod';
import { requiredName } from './text.js';

/** The text encodings a CSV file may be read in (as iconv-lite names them). */
export const IMPORT_ENCODINGS = [
  'UTF-8',
  'UTF-16LE',
  'UTF-16BE',
  'windows-1252',
  'windows-1251',
  'KOI8-R',
  'ISO-8859-1',
  'ISO-8859-15',
  'ISO-8859-5',
  'IBM866',
] as const;

/** Column separators a CSV file may use. */
export const IMPORT_DELIMITERS = [',', ';', '\t', '|'] as const;

export const IMPORT_MAPPING_NAME_MAX = 80;
export const IMPORT_MAX_COLUMNS = 500;

/** One source column read into one field of the entity (`custom.<key>` for a custom field). */
export const columnMappingSchema = z.object({
  column: z.string().min(1, 'is required').max(1000),
  field: z.string().trim().min(1, 'is required').max(200),
});

/** How to run an uploaded file: which column goes where, and how to read it. */
export const startDataImportSchema = z
  .object({
    mapping: z
      .array(columnMappingSchema)
      .min(1, 'map at least one column')
      .max(IMPORT_MAX_COLUMNS, `must have at most ${IMPORT_MAX_COLUMNS} columns`),
    dryRun: z.boolean().default(false),
    encoding: z.enum(IMPORT_ENCODINGS, 'is not a supported encoding').optional().nullable(),
    delimiter: z
      .enum(IMPORT_DELIMITERS, 'must be a comma, semicolon, tab or bar')
      .optional()
      .nullable(),
    saveMappingAs: requiredName(IMPORT_MAPPING_NAME_MAX).optional().nullable(),
  })
  .superRefine(({ mapping }, context) => {
    const seen = new Set<string>();
    mapping.forEach(({ column, field }, index) => {
      if (seen.has(field))
        context.addIssue({
          code: 'custom',
          path: ['mapping', index, 'field'],
          message: `is already mapped from another column (${column})`,
        });
      seen.add(field);
    });
  });
export type StartDataImport = z.output<typeof startDataImportSchema>;
