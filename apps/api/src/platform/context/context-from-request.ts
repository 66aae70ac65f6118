import { GraphQLError } from 'graphql';
import type { AccessTokens } from '../auth/access-token.js';
import { looksLikeApiKey, parseApiKey } from '../auth/api-key-token.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { requestIdFrom } from '../logging/request-id.js';
import { isUuid } from '../uuid.js';
import type { Principal, RequestContext } from './request-context.js';

const LOCALES = ['es', 'en', 'ru'];

/** What a transport hands over: HTTP headers, or graphql-ws connection parameters. */
export interface Credentials {
  readonly authorization?: string | undefined;
  readonly tenantId?: string | undefined;
  readonly acceptLanguage?: string | undefined;
  readonly requestId?: string | undefined;
  readonly clientAddress: string;
}

/**
 * Builds the operation's context the same way for every transport. Throws a coded
 * GraphQLError (with an HTTP status) for a bad token or a malformed tenant header.
 */
export async function contextFromCredentials(
  credentials: Credentials,
  tokens: AccessTokens,
): Promise<RequestContext> {
  const requestedTenantId = parseTenantHeader(credentials.tenantId);
  const principal = await principalFrom(credentials.authorization, tokens);
  if (
    principal.kind === 'apiKey' &&
    requestedTenantId &&
    requestedTenantId !== principal.tenantId
  ) {
    throw codedError(
      new AppError(ErrorCode.Forbidden, 'This API key belongs to another tenant'),
      403,
    );
  }
  return {
    requestId: requestIdFrom(credentials.requestId),
    principal,
    requestedTenantId:
      requestedTenantId ?? (principal.kind === 'apiKey' ? principal.tenantId : null),
    locale: pickLocale(credentials.acceptLanguage),
    clientAddress: credentials.clientAddress,
  };
}

async function principalFrom(
  authorization: string | undefined,
  tokens: AccessTokens,
): Promise<Principal> {
  if (!authorization) return { kind: 'anonymous' };
  const [scheme, token] = authorization.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw codedError(
      new AppError(ErrorCode.Unauthenticated, 'Authorization must be "Bearer <token>"'),
      401,
    );
  }
  if (looksLikeApiKey(token)) {
    const key = parseApiKey(token);
    if (!key)
      throw codedError(new AppError(ErrorCode.Unauthenticated, 'Invalid or revoked API key'), 401);
    return { kind: 'apiKey', ...key };
  }
  try {
    const claims = await tokens.verify(token);
    return {
      kind: 'user',
      userId: claims.userId,
      sessionId: claims.sessionId,
      expiresAt: claims.expiresAt.getTime(),
    };
  } catch (error) {
    throw codedError(error as AppError, 401);
  }
}

function parseTenantHeader(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!isUuid(value)) {
    const error = new AppError(ErrorCode.BadUserInput, 'X-Tenant-Id: is not a valid tenant id', {
      fields: [{ field: 'X-Tenant-Id', message: 'is not a valid tenant id' }],
    });
    throw codedError(error, 400);
  }
  return value.toLowerCase();
}

function pickLocale(acceptLanguage: string | undefined): string {
  const wanted = acceptLanguage?.slice(0, 2).toLowerCase();
  return wanted && LOCALES.includes(wanted) ? wanted : 'es';
}

function codedError(error: AppError, status: number): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...error.details, http: { status } },
  });
}
