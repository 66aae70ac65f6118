import { z } from 'zod';
import { isCalendarDate } from './currency.js';
import { because } from './rules.js';
import { atMostCharacters, requiredName } from './text.js';

export const CustomFieldType = {
  TEXT: 'TEXT',
  NUMBER: 'NUMBER',
  DATE: 'DATE',
  BOOLEAN: 'BOOLEAN',
  ONE_OF: 'ONE_OF',
} as const;
export type CustomFieldType = (typeof CustomFieldType)[keyof typeof CustomFieldType];

export const CustomFieldEntity = { CONTACT: 'CONTACT', COMPANY: 'COMPANY' } as const;
export type CustomFieldEntity = (typeof CustomFieldEntity)[keyof typeof CustomFieldEntity];

export const CUSTOM_FIELDS_PER_ENTITY_MAX = 100;
export const CUSTOM_FIELD_OPTIONS_MAX = 200;
export const CUSTOM_TEXT_MAX = 2000;

/** A key as columns and filters name it: `custom.<key>`. */
export const customFieldKeySchema = z
  .string()
  .trim()
  .refine(
    ...because(
      (key: string) => /^[a-z][a-z0-9_]{0,49}$/.test(key),
      'must start with a letter and hold only lower-case letters, digits and _ (at most 50)',
      { reason: 'SLUG_FORMAT' },
    ),
  );

const optionsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'is required')
      .refine(...atMostCharacters(100)),
  )
  .max(CUSTOM_FIELD_OPTIONS_MAX)
  .refine(
    ...because(
      (list: string[]) => new Set(list).size === list.length,
      'must not repeat an option',
      {
        reason: 'DUPLICATE',
      },
    ),
  );

const definitionShape = {
  label: requiredName(100),
  options: optionsSchema.optional().nullable(),
  required: z.boolean().optional().nullable(),
  position: z.number().int().min(0).max(10_000).optional().nullable(),
};

/** ONE_OF needs its options; no other type takes any. */
function optionsFitType(
  value: { type?: CustomFieldType | null; options?: string[] | null },
  ctx: z.core.$RefinementCtx,
) {
  const count = value.options?.length ?? 0;
  if (value.type === 'ONE_OF' && count === 0)
    ctx.issues.push({
      code: 'custom',
      message: 'is required for a one-of field',
      input: value.options,
      path: ['options'],
      params: { reason: 'REQUIRED' },
    });
  if (value.type && value.type !== 'ONE_OF' && count > 0)
    ctx.issues.push({
      code: 'custom',
      message: 'only a one-of field has options',
      input: value.options,
      path: ['options'],
    });
}

export const customFieldDefinitionSchema = z
  .object({
    entity: z.enum(CustomFieldEntity),
    key: customFieldKeySchema,
    type: z.enum(CustomFieldType),
    ...definitionShape,
  })
  .superRefine(optionsFitType);
export type CustomFieldDefinitionInput = z.output<typeof customFieldDefinitionSchema>;

/** A definition's key, entity and type stay: stored values were checked against them. */
export const customFieldPatchSchema = z.object({
  label: definitionShape.label.optional().nullable(),
  options: definitionShape.options,
  required: definitionShape.required,
  position: definitionShape.position,
});
export type CustomFieldPatch = z.output<typeof customFieldPatchSchema>;

/** What a value is checked against. */
export interface CustomFieldRule {
  readonly key: string;
  readonly type: CustomFieldType;
  readonly options: readonly string[];
  readonly required: boolean;
}

export interface CustomFieldProblem {
  /** `customFields.<key>`. */
  readonly field: string;
  readonly message: string;
  readonly reason: string;
}

const BOOLEAN_TEXT: Record<string, string> = {
  true: 'true',
  false: 'false',
  yes: 'true',
  no: 'false',
  '1': 'true',
  '0': 'false',
};

/**
 * One value as stored (canonical text: decimal text, YYYY-MM-DD, "true"/"false", an option),
 * or the reason it is refused. Numbers stay decimal text so no float rounds them.
 */
export function canonicalCustomValue(
  rule: CustomFieldRule,
  raw: string | number | boolean,
): { value: string } | { message: string; reason: string } {
  const text = String(raw).trim();
  switch (rule.type) {
    case 'TEXT':
      return [...text].length <= CUSTOM_TEXT_MAX
        ? { value: text }
        : { message: `must have at most ${CUSTOM_TEXT_MAX} characters`, reason: 'TOO_LONG' };
    case 'NUMBER': {
      const match = /^([+-]?)(\d{1,15})(?:\.(\d{1,10}))?$/.exec(text);
      if (!match) return { message: 'must be a number such as 12 or -3.5', reason: 'NUMBER' };
      const whole = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
      const fraction = (match[3] ?? '').replace(/0+$/, '');
      const sign = match[1] === '-' && (/[1-9]/.test(whole) || fraction) ? '-' : '';
      return { value: `${sign}${whole}${fraction ? `.${fraction}` : ''}` };
    }
    case 'DATE':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && isCalendarDate(text)
        ? { value: text }
        : { message: 'must be a date written YYYY-MM-DD', reason: 'DATE' };
    case 'BOOLEAN': {
      const value = BOOLEAN_TEXT[text.toLowerCase()];
      return value ? { value } : { message: 'must be true or false', reason: 'BOOLEAN' };
    }
    case 'ONE_OF':
      return rule.options.includes(text)
        ? { value: text }
        : { message: `must be one of: ${rule.options.join(', ')}`, reason: 'ONE_OF' };
  }
}

/**
 * Checks a record's whole set of custom values against the tenant's definitions: unknown keys,
 * wrong types, values outside the options, and required fields left empty are each a problem
 * naming `customFields.<key>`. Blank or null values are absent. Answers the canonical values.
 */
export function checkCustomFieldValues(
  rules: readonly CustomFieldRule[],
  values: Readonly<Record<string, string | number | boolean | null | undefined>>,
): { values: Record<string, string>; problems: CustomFieldProblem[] } {
  const byKey = new Map(rules.map((rule) => [rule.key, rule]));
  const checked: Record<string, string> = {};
  const problems: CustomFieldProblem[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const rule = byKey.get(key);
    if (!rule) {
      problems.push({
        field: `customFields.${key}`,
        message: 'is not a custom field of this tenant',
        reason: 'UNKNOWN_FIELD',
      });
      continue;
    }
    if (raw === null || raw === undefined || String(raw).trim() === '') continue;
    const result = canonicalCustomValue(rule, raw);
    if ('value' in result) checked[key] = result.value;
    else problems.push({ field: `customFields.${key}`, ...result });
  }
  for (const rule of rules) {
    if (
      rule.required &&
      checked[rule.key] === undefined &&
      !problems.some((p) => p.field === `customFields.${rule.key}`)
    )
      problems.push({
        field: `customFields.${rule.key}`,
        message: 'is required',
        reason: 'REQUIRED',
      });
  }
  return { values: checked, problems };
}
