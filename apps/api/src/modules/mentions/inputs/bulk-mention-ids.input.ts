import { z } from 'zod';

export const MAX_BULK_MENTIONS = 200;

/**
 * The mentions a bulk action is asked for. Each id is checked on its own (a malformed one is
 * that mention's error, not the request's); only the count bounds the request.
 */
export const bulkMentionIdsSchema = z
  .array(z.string())
  .max(MAX_BULK_MENTIONS, `must have at most ${MAX_BULK_MENTIONS} ids`);
