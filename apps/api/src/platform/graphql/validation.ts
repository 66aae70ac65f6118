import { issueReason } from '@socialcrm/validation';
import type { z } from 'zod';
import { badUserInput } from '../errors/app-error.js';
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
      ...issueReason(issue),
    })),
  );
}

/** Ids are UUIDs; anything else is a bad input naming the argument, never a database error. */
export function requireId(value: string, field = 'id'): string {
  if (!isUuid(value)) throw badUserInput([{ field, message: 'is not a valid id' }]);
  return value.toLowerCase();
}

export { atMostCharacters } from '@socialcrm/validation';
