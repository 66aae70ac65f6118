import { textLength } from '@socialcrm/domain';
import type { z } from 'zod';
import { badUserInput, type FieldProblem } from '../errors/app-error.js';
import { isUuid } from '../uuid.js';

/** Validates an input at the edge; every problem names its field path (`input.hashtags.2`). */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw badUserInput(
    parsed.error.issues.map((issue) => ({
      field: [root, ...issue.path.map(String)].join('.'),
      message: issue.message,
      ...reasonOf(issue),
    })),
  );
}

/** What a zod issue means, as a code and parameters a client can translate. */
function reasonOf(issue: z.core.$ZodIssue): Pick<FieldProblem, 'reason' | 'params'> {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) === 1 && issue.origin === 'string'
        ? { reason: 'REQUIRED' }
        : { reason: 'TOO_SHORT', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return {
        reason: issue.origin === 'array' ? 'TOO_MANY' : 'TOO_LONG',
        params: { max: Number(issue.maximum) },
      };
    case 'invalid_format':
      return { reason: 'INVALID_FORMAT', params: { format: issue.format } };
    case 'custom':
      return (issue.params as Pick<FieldProblem, 'reason' | 'params'> | undefined) ?? {};
    default:
      return {};
  }
}

/** Ids are UUIDs; anything else is a bad input naming the argument, never a database error. */
export function requireId(value: string, field = 'id'): string {
  if (!isUuid(value)) throw badUserInput([{ field, message: 'is not a valid id' }]);
  return value.toLowerCase();
}

/**
 * A string limit in characters (code points), the one measure of text length the admin uses
 * too (`textLength`): `.refine(...atMostCharacters(120))`.
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
