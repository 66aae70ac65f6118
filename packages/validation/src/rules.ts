import { z } from 'zod';
import type { FieldReason } from './issues.js';

/**
 * A refinement whose issue carries a reason code, so the admin can say it in the user's
 * language: `.refine(...because(test, 'must be a hashtag', { reason: 'HASHTAG_FORMAT' }))`.
 */
export function because<T>(test: (value: T) => boolean, message: string, reason: FieldReason) {
  return [test, { message, params: reason }] as const;
}

/** An http(s) address of at most 2,000 characters. */
export const httpUrl = z
  .string()
  .trim()
  .refine(...because(isHttpUrl, 'must be an http or https URL', { reason: 'HTTP_URL' }));

function isHttpUrl(value: string): boolean {
  if (value.length > 2000 || !/^https?:\/\//i.test(value)) return false;
  return URL.canParse(value);
}

/** A whole number between `min` and `max`; anything else (text, a fraction) is OUT_OF_RANGE. */
export function wholeNumber(min: number, max: number) {
  return z.custom<number>(
    (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
    {
      message: `must be a whole number from ${min} to ${max.toLocaleString('en-US')}`,
      params: { reason: 'OUT_OF_RANGE', params: { min, max } },
    },
  );
}
