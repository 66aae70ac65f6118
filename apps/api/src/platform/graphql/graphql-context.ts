import type { RequestContext } from '../context/request-context.js';
import type { Operation } from '../database/operation-scope.js';

/**
 * Long-lived event sources; a subscription's subscribe function cannot take constructor
 * injection. Empty here: each module that has some adds them by declaration merging
 * (`declare module '…/graphql-context.js' { interface LiveSources { … } }`), so the platform
 * names none.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the modules (declaration merging).
export interface LiveSources {}

/** What every resolver receives: the operation's request context, and the live sources. */
export interface GraphQLContext {
  /** Who calls (long-lived subscription sources read as them, each read its own operation). */
  readonly request: RequestContext;
  /** The operation: what resolvers hand their services (its transaction, its admission). */
  readonly operation: Operation;
  readonly live: LiveSources;
  /** Fields the operation adds to its log line (operation name, error codes). */
  readonly logFields: Record<string, unknown>;
}
