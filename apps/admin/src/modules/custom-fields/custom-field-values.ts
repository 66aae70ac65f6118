import {
  CUSTOM_TEXT_MAX,
  type CustomFieldRule,
  checkCustomFieldValues,
} from '@socialcrm/validation';
import type { z } from 'zod';
import type { CustomFieldDefinition } from './custom-field.documents.js';

/** A record's custom values as a form edits them: key → text ('' when empty). */
export type CustomValues = Record<string, string>;

/** The form field a custom value is shown on: `custom.<key>` (the api's path is `customFields.<key>`). */
export const customFieldName = (key: string) => `custom.${key}`;

/** The api's problem path (`customFields.<key>`) as the form's field name (`custom.<key>`). */
export function customFieldOf(path: string): string | undefined {
  const [head, key] = path.split('.');
  return head === 'customFields' && key ? customFieldName(key) : undefined;
}

/**
 * Every defined field with its stored value (or '' for none), in the definitions' order. A
 * yes/no field is a checkbox, which cannot say "unknown": unset, it reads as unchecked ("false").
 */
export function customValuesOf(
  definitions: readonly CustomFieldDefinition[],
  stored: readonly { key: string; value?: string | null }[] = [],
): CustomValues {
  const byKey = new Map(stored.map((pair) => [pair.key, pair.value ?? '']));
  return Object.fromEntries(
    definitions.map((field) => [
      field.key,
      byKey.get(field.key) || (field.type === 'BOOLEAN' ? 'false' : ''),
    ]),
  );
}

/**
 * The values as the api's `[CustomFieldValueInput]`: a new record sends only what is set; an
 * edit sends every defined key, so clearing a value clears it (null).
 */
export function toCustomFieldInput(values: CustomValues, { clearing = false } = {}) {
  return Object.entries(values)
    .filter(([, value]) => clearing || value.trim() !== '')
    .map(([key, value]) => ({ key, value: value.trim() === '' ? null : value.trim() }));
}

const rulesOf = (definitions: readonly CustomFieldDefinition[]): CustomFieldRule[] =>
  definitions.map((field) => ({
    key: field.key,
    type: field.type,
    options: field.options,
    required: field.required,
  }));

type StoredValues =
  | Readonly<Record<string, string | null>>
  | readonly { key: string; value?: string | null }[]
  | null
  | undefined;

const asRecord = (values: StoredValues): Record<string, string | null> =>
  Array.isArray(values)
    ? Object.fromEntries(values.map((pair) => [pair.key, pair.value ?? null]))
    : { ...(values as Record<string, string | null> | null | undefined) };

/**
 * A record's schema that also checks its custom values against the tenant's definitions, with
 * the api's reasons at the api's paths (`customFields.<key>`), so the form refuses what the api would.
 */
export function withCustomFields<S extends z.ZodType<{ customFields?: StoredValues }>>(
  schema: S,
  definitions: readonly CustomFieldDefinition[],
) {
  return schema.superRefine((record, ctx) => {
    for (const problem of checkCustomFieldValues(
      rulesOf(definitions),
      asRecord(record.customFields),
    ).problems) {
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        path: problem.field.split('.'),
        params: {
          reason: problem.reason,
          ...(problem.reason === 'TOO_LONG' && { params: { max: CUSTOM_TEXT_MAX } }),
        },
      });
    }
  });
}
