import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationScopes } from '../database/operation-scope.js';
import { ErrorCode } from '../errors/app-error.js';
import type { GraphQLContext } from './graphql-context.js';

/**
 * Finishes each operation's transaction before the response leaves: committed when the
 * operation had no error, rolled back otherwise (nothing half-written). A rolled-back
 * mutation answers no data at all, so no field can report a write that was undone; if the
 * commit itself fails, the client is told so instead of receiving data that was not kept.
 */
export function operationScopePlugin(
  scopes: OperationScopes,
  logError: (error: unknown) => void,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const failed = Boolean(result.errors?.length);
          try {
            await scopes.finish(contextValue.operation, !failed);
            if (failed && operation?.operation === 'mutation') result.data = null;
          } catch (error) {
            logError(error);
            result.data = null;
            result.errors = [
              { message: 'Internal server error', extensions: { code: ErrorCode.Internal } },
            ];
          }
        },
      };
    },
  };
}
