import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { AccessTokens } from '../auth/access-token.js';
import { roleAtLeast, type TenantRole } from '../auth/roles.js';
import { contextFromCredentials } from '../context/context-from-request.js';
import type { RequestContext } from '../context/request-context.js';
import type { Operation } from '../database/operation-scope.js';
import { AppError, forbidden, unauthenticated } from '../errors/app-error.js';
import { logFailure } from '../errors/log-failure.js';

/**
 * Who calls a plain HTTP route, read like a GraphQL request (a Bearer access token with
 * `X-Tenant-Id`, or a tenant API key); an anonymous caller is refused.
 */
export async function routeCaller(req: Request, tokens: AccessTokens): Promise<RequestContext> {
  const ctx = await contextFromCredentials(
    {
      authorization: req.header('authorization'),
      tenantId: req.header('x-tenant-id'),
      acceptLanguage: req.header('accept-language'),
      requestId: String(req.id),
      clientAddress: req.ip ?? 'unknown',
    },
    tokens,
  );
  if (ctx.principal.kind === 'anonymous') throw unauthenticated();
  return ctx;
}

/** Refuses an operation whose caller has no role in its tenant, or a lesser one than `needed`. */
export async function requireRouteRole(op: Operation, needed: TenantRole): Promise<void> {
  const { role } = await op.access();
  if (!role) throw forbidden('No access to this tenant');
  if (!roleAtLeast(role, needed)) throw forbidden(`Requires the ${needed} role or higher`);
}

const STATUS_OF: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** Answers a refused request: coded errors keep their words; any other is logged and masked. */
export function refuseRequest(res: Response, error: unknown, what: string): void {
  const code =
    error instanceof AppError
      ? error.code
      : error instanceof GraphQLError
        ? String(error.extensions.code)
        : '';
  const status = STATUS_OF[code];
  if (!status) {
    logFailure(`[api] ${what} request failed`, error);
    res
      .status(500)
      .json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
    return;
  }
  const fields = error instanceof AppError ? error.details.fields : undefined;
  res
    .status(status)
    .json({ error: { code, message: (error as Error).message, ...(fields && { fields }) } });
}
