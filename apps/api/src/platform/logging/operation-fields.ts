import type { RequestContext } from '../context/request-context.js';

/**
 * Who acts, as a log line names them: tenant and user, key or system; ids only, never a
 * token, email or name. For lines whose request id is already bound (the request logger's).
 */
export function callerFields(request: RequestContext): Record<string, string> {
  const { principal } = request;
  return {
    ...(request.requestedTenantId && { tenantId: request.requestedTenantId }),
    ...(principal.kind === 'user' && { userId: principal.userId }),
    ...(principal.kind === 'apiKey' && { apiKeyId: principal.apiKeyId }),
    ...(principal.kind === 'system' && { principal: 'system' }),
  };
}

/** The request id and the caller, for lines written outside a request's logger. */
export function operationFields(request: RequestContext): Record<string, string> {
  return { requestId: request.requestId, ...callerFields(request) };
}
