import type { z } from 'zod';

/** Why a field was refused, as a code and parameters a client translates (not English text). */
export interface FieldReason {
  reason?: string;
  params?: Record<string, string | number>;
}

/** What a zod issue means as a reason code: the api sends it, the admin's forms translate it. */
export function issueReason(issue: z.core.$ZodIssue): FieldReason {
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
      return (issue.params as FieldReason | undefined) ?? {};
    default:
      return {};
  }
}
