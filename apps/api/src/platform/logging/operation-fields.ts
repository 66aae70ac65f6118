import type { RequestContext } from '../context/request-context.js';

/** Who did what, as a log line names it: ids only, never a token, email or name. */
export function operationFields(request: RequestContext): Record<string, string> {
  const { principal } = request;
  return {
    requestId: request.requestId,
    ...(request.requestedTenantId && { tenantId: request.requestedTenantId }),
    ...(principal.kind === 'user' && { userId: principal.userId }),
    ...(principal.kind === 'apiKey' && { apiKeyId: principal.apiKeyId }),
    ...(principal.kind === 'system' && { principal: 'system' }),
  };
}
