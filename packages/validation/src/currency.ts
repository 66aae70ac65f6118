import { z } from 'zod';
import { because } from './rules.js';

/** The ISO 4217 codes in use, as the runtime's ICU data knows them (Node 20, every current browser). */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const isCurrencyCode = (code: string): boolean => CURRENCY_CODES.has(code);

/** An ISO 4217 currency code, upper-cased: `usd` is `USD`. */
export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(...because(isCurrencyCode, 'is not an ISO 4217 currency code', { reason: 'CURRENCY' }));

interface DecimalShape {
  /** Digits before the point, at most. */
  readonly integerDigits: number;
  /** Digits after the point, at most (the column's scale: more would be rounded away). */
  readonly fractionDigits: number;
  /** Zero refused (a rate), or allowed (an amount). */
  readonly positive?: boolean;
  /** A minus sign allowed (an amount: a refund is an order with a negative one). */
  readonly signed?: boolean;
}

/** Doubles keep any decimal of at most 15 significant digits exactly through a round trip. */
const EXACT_DOUBLE_DIGITS = 15;

/** A JSON number as its shortest decimal text, when that text is the number's exact value. */
function numberAsText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  const digits = text.replace(/^-?0*\.?0*/, '').replace('.', '');
  return /e/i.test(text) || digits.length > EXACT_DOUBLE_DIGITS ? null : text;
}

/**
 * An exact decimal kept as text (the database stores it as numeric; it is never a float):
 * `"12.30"`. A JSON number is taken only when it has at most 15 significant digits, the ones a
 * double holds exactly; send text for anything longer.
 */
export function decimalTextSchema({
  integerDigits,
  fractionDigits,
  positive,
  signed,
}: DecimalShape) {
  const sign = signed ? '-?' : '';
  const pattern = new RegExp(`^${sign}\\d{1,${integerDigits}}(\\.\\d{1,${fractionDigits}})?$`);
  const message = `must be a decimal number such as 12.30, with at most ${integerDigits} digits before the point and ${fractionDigits} after`;
  return z.union([z.string(), z.number()], { error: message }).transform((value, ctx) => {
    const text = typeof value === 'number' ? numberAsText(value) : value.trim();
    if (text === null || !pattern.test(text)) {
      ctx.issues.push({ code: 'custom', message, input: value, params: { reason: 'DECIMAL' } });
      return z.NEVER;
    }
    if (positive && !/[1-9]/.test(text)) {
      ctx.issues.push({
        code: 'custom',
        message: 'must be greater than zero',
        input: value,
        params: { reason: 'OUT_OF_RANGE' },
      });
      return z.NEVER;
    }
    return text;
  });
}

/** A money amount, negative for a refund: what `numeric(19, 4)` holds. */
export const amountSchema = decimalTextSchema({
  integerDigits: 15,
  fractionDigits: 4,
  signed: true,
});

/** Units of the reporting currency for one unit of another: what `numeric(24, 12)` holds. */
export const currencyRateValueSchema = decimalTextSchema({
  integerDigits: 12,
  fractionDigits: 12,
  positive: true,
});

/** A calendar day, `YYYY-MM-DD`, that exists. */
export const calendarDateSchema = z
  .string()
  .trim()
  .refine(...because(isCalendarDate, 'must be a date written YYYY-MM-DD', { reason: 'DATE' }));

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900;
}

/** A rate the tenant stores: one unit of `currency` in reporting currency units, on `date`. */
export const currencyRateSchema = z.object({
  currency: currencyCodeSchema,
  date: calendarDateSchema,
  rate: currencyRateValueSchema,
});
export type CurrencyRateInput = z.output<typeof currencyRateSchema>;
