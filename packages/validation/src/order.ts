import { z } from 'zod';
import { amountSchema, currencyCodeSchema, isCalendarDate } from './currency.js';
import { atMostCharacters, emailSchema } from './text.js';

const EXTENDED_INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * An ISO 8601 instant as sources write it: `2026-01-05`, `20260105`, `2026-01-05T10:30:00+02:00`.
 * A date alone is midnight UTC, and so is a time without a zone (imports carry no time zone).
 */
export function parseInstant(text: string): Date | null {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const match = EXTENDED_INSTANT.exec(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text);
  if (!match?.[1] || !isCalendarDate(match[1])) return null;
  const at = new Date(`${match[1]}T${match[2] ?? '00:00'}${match[3]?.toUpperCase() ?? 'Z'}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

const INSTANT_MESSAGE =
  'must be an ISO 8601 date or date-time, such as 2026-01-05 or 2026-01-05T10:30:00Z';

/** When something happened: a Date (GraphQL) or ISO 8601 text (JSON, CSV). */
export const instantSchema = z
  .union([z.date(), z.string()], { error: INSTANT_MESSAGE })
  .transform((value, ctx) => {
    const at = value instanceof Date ? value : parseInstant(value.trim());
    if (!at || Number.isNaN(at.getTime())) {
      ctx.issues.push({
        code: 'custom',
        message: INSTANT_MESSAGE,
        input: value,
        params: { reason: 'DATE' },
      });
      return z.NEVER;
    }
    return at;
  });

/**
 * Text PostgreSQL can store: it refuses NUL in text, and a lone surrogate cannot be encoded as
 * UTF-8. Cleaned per record, so one such record never fails the batch it arrives in.
 */
const storableText = () =>
  z.string().overwrite((value) => value.replaceAll('\u0000', '').toWellFormed());

/** Optional text: blank is absent. */
export const optionalText = (max: number) =>
  storableText()
    .trim()
    .refine(...atMostCharacters(max))
    .transform((value) => value || null)
    .optional()
    .nullable();

/** A required id from the source system (the key that makes a re-delivery change nothing). */
export const externalIdSchema = storableText()
  .trim()
  .min(1, 'is required')
  .refine(...atMostCharacters(200));

/** A whole number written as a JSON number or as digits (CSV). */
export function countSchema(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max.toLocaleString('en-US')}`;
  return z.union([z.number(), z.string()], { error: message }).transform((value, ctx) => {
    const count =
      typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(count) || count < min || count > max) {
      ctx.issues.push({
        code: 'custom',
        message,
        input: value,
        params: { reason: 'OUT_OF_RANGE', params: { min, max } },
      });
      return z.NEVER;
    }
    return count;
  });
}

/**
 * Whose record it is: a contact's id, or their id in the source system, or their email. An
 * unknown external id or email makes a new contact with just that; an unknown id is refused.
 */
export const contactReferenceShape = {
  contactId: z.uuid('is not a valid id').optional().nullable(),
  contactExternalId: optionalText(200),
  contactEmail: emailSchema
    .transform((email) => email.toLowerCase())
    .optional()
    .nullable(),
};

/** Refuses a record that names no contact (on `contactExternalId`, the usual import column). */
export function requireContact(
  value: {
    contactId?: string | null;
    contactExternalId?: string | null;
    contactEmail?: string | null;
  },
  ctx: z.core.$RefinementCtx,
): void {
  if (value.contactId || value.contactExternalId || value.contactEmail) return;
  ctx.issues.push({
    code: 'custom',
    message: 'is required: give contactId, contactExternalId or contactEmail',
    input: value,
    path: ['contactExternalId'],
    params: { reason: 'REQUIRED' },
  });
}

export const ORDER_LINES_MAX = 500;
export const ORDER_QUANTITY_MAX = 1_000_000;

/** One line of an order: what was bought, how many, at what unit price. */
export const orderLineSchema = z.object({
  sku: optionalText(100),
  name: optionalText(300),
  quantity: countSchema(1, ORDER_QUANTITY_MAX),
  unitPrice: amountSchema,
});

/**
 * An order (a purchase) as GraphQL, NDJSON and CSV deliver it. `itemCount` is the sum of the
 * lines' quantities when there are lines, else as given, else 1.
 */
export const orderSchema = z
  .object({
    externalId: externalIdSchema,
    ...contactReferenceShape,
    orderedAt: instantSchema,
    amount: amountSchema,
    currency: currencyCodeSchema,
    itemCount: countSchema(0, 1_000_000_000).optional().nullable(),
    lines: z
      .array(orderLineSchema)
      .max(ORDER_LINES_MAX, `must have at most ${ORDER_LINES_MAX} lines`)
      .optional()
      .nullable(),
  })
  .superRefine(requireContact)
  .transform(({ lines, itemCount, ...order }) => ({
    ...order,
    lines: lines ?? [],
    itemCount: lines?.length
      ? lines.reduce((sum, line) => sum + line.quantity, 0)
      : (itemCount ?? 1),
  }));
export type OrderRecord = z.output<typeof orderSchema>;
