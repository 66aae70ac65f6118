import type { Request, Response } from 'express';
import type { AccessTokens } from '../auth/access-token.js';
import type { TenantRole } from '../auth/roles.js';
import type { RequestContext } from '../context/request-context.js';
import type { Operation, OperationScopes } from '../database/operation-scope.js';
import { readBoundedLines } from './bounded-lines.js';
import { refuseRequest, requireRouteRole, routeCaller } from './route-caller.js';

// What the NDJSON bulk endpoints share: who may call, and how the body becomes items.

/**
 * The caller of a bulk endpoint (an API key or a user), checked to hold at least `role` in
 * the tenant, and in the same transaction whatever the whole request follows (`load`). A
 * refusal is answered here (401, 403, 400; anything else masked as 500) and gives null.
 */
export async function authoriseBulkCaller<T>(
  req: Request,
  res: Response,
  deps: { readonly scopes: OperationScopes; readonly tokens: AccessTokens },
  role: TenantRole,
  load: (op: Operation) => Promise<T>,
): Promise<{ ctx: RequestContext; loaded: T } | null> {
  try {
    const ctx = await routeCaller(req, deps.tokens);
    const loaded = await deps.scopes.run(ctx, async (op) => {
      await requireRouteRole(op, role);
      return load(op);
    });
    return { ctx, loaded };
  } catch (error) {
    refuseRequest(res, error, 'NDJSON');
    return null;
  }
}

/** A non-blank line of the body: a parsed JSON value, or why it was refused on its own. */
export type NdjsonLine =
  | { readonly line: number; readonly item: unknown }
  | { readonly line: number; readonly rejection: string };

/** Where a body over its byte limit stopped being read. */
export interface NdjsonCutOff {
  readonly cutOffAfterLine: number;
}

/**
 * The lines of an NDJSON body, numbered from 1 (blank lines skipped): each parsed on its own,
 * a line over `maxLineBytes` refused without being buffered. Once more than `maxBodyBytes`
 * have arrived the reading stops, and a last value says after which line.
 */
export async function* readNdjsonLines(
  body: AsyncIterable<Buffer>,
  maxLineBytes: number,
  maxBodyBytes = Number.POSITIVE_INFINITY,
): AsyncGenerator<NdjsonLine | NdjsonCutOff> {
  let received = 0;
  let overLimit = false;
  async function* counted() {
    for await (const chunk of body) {
      received += chunk.length;
      if (received > maxBodyBytes) {
        overLimit = true;
        return;
      }
      yield chunk;
    }
  }
  let line = 0;
  for await (const read of readBoundedLines(counted(), maxLineBytes)) {
    // The last line of a cut-off body is incomplete: it is not read.
    if (overLimit) break;
    line += 1;
    if ('tooLong' in read) yield { line, rejection: `is longer than ${maxLineBytes} bytes` };
    else if (read.text.trim()) {
      const item = parseJson(read.text);
      yield item === undefined ? { line, rejection: 'is not valid JSON' } : { line, item };
    }
  }
  if (overLimit) yield { cutOffAfterLine: line };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
