/** Who is calling: a signed-in user, a tenant's machine key, or nobody. */
export type Principal =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly sessionId: string;
      /** When the presented access token expires (ms since epoch): long-lived subscriptions end then. */
      readonly expiresAt: number;
    }
  /** A machine key as presented; checked against its tenant's row when the operation begins. */
  | {
      readonly kind: 'apiKey';
      readonly apiKeyId: string;
      readonly tenantId: string;
      readonly secretHash: Buffer;
    }
  /**
   * The server itself acting in one tenant: background jobs, and flows authorised by a
   * token rather than a membership (accepting an invitation).
   */
  | { readonly kind: 'system'; readonly tenantId: string }
  | { readonly kind: 'anonymous' };

/**
 * Who calls and how, for one request (HTTP, WebSocket operation or job): plain immutable data,
 * so a job can carry it. Services take the `Operation` built on it (operation-scope.ts), which
 * holds the transaction; copying this object never gives a second one.
 */
export interface RequestContext {
  readonly requestId: string;
  readonly principal: Principal;
  /** The tenant the operation acts in, as requested (checked against memberships on first use). */
  readonly requestedTenantId: string | null;
  readonly locale: string;
  /** Client address, for throttling sign-in attempts. */
  readonly clientAddress: string;
}

export function userIdOf(ctx: RequestContext): string | null {
  return ctx.principal.kind === 'user' ? ctx.principal.userId : null;
}

/** The server acting in one tenant on its own authority. */
export type SystemContext = RequestContext & {
  readonly principal: { readonly kind: 'system'; readonly tenantId: string };
};

/** A context for work the server does in a tenant on its own authority. */
export function systemContext(tenantId: string, from?: RequestContext): SystemContext {
  return {
    requestId: from ? `${from.requestId}:system` : `system:${Date.now()}`,
    principal: { kind: 'system', tenantId },
    requestedTenantId: tenantId,
    locale: from?.locale ?? 'es',
    clientAddress: from?.clientAddress ?? 'internal',
  };
}
