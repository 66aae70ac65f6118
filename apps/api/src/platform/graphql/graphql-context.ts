import type { RequestContext } from '../context/request-context.js';

/** What every resolver receives: the operation's request context, nothing else. */
export interface GraphQLContext {
  readonly request: RequestContext;
}
