import { textLength } from '@socialcrm/domain/text';
import { z } from 'zod';

/**
 * A string limit in characters (code points), the one measure of text length everywhere:
 * `.refine(...atMostCharacters(120))`. The issue carries a reason code a client can translate.
 */
export function atMostCharacters(max: number) {
  return [
    (value: string) => textLength(value) <= max,
    {
      message: `must have at most ${max.toLocaleString('en-US')} characters`,
      params: { reason: 'TOO_LONG', params: { max } },
    },
  ] as const;
}

/** A trimmed, required name of at most `max` characters. */
export function requiredName(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'is required')
    .refine(...atMostCharacters(max));
}

export const emailSchema = z
  .string()
  .trim()
  .refine(...atMostCharacters(254))
  .pipe(z.email('is not a valid email address'));
