import type { ApolloServerPlugin } from '@apollo/server';
import { callerFields } from '../logging/operation-fields.js';
import type { GraphQLContext } from './graphql-context.js';

/**
 * Names the GraphQL operation in its HTTP request's log line (the request logger writes it when
 * the response is sent), and gives each error the request id, which the admin shows so a user
 * can quote it.
 */
export function operationLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          const { requestId } = contextValue.request;
          if (result?.errors)
            result.errors = result.errors.map((error) => ({
              ...error,
              extensions: { ...error.extensions, requestId },
            }));
          const errorCodes = (result?.errors ?? []).map((error) =>
            String(error.extensions?.code ?? 'UNKNOWN'),
          );
          // The request's line already names its id.
          const who = callerFields(contextValue.request);
          Object.assign(contextValue.logFields, {
            ...who,
            operationName: operationName ?? request.operationName ?? null,
            ...(errorCodes.length && { errorCodes }),
          });
        },
      };
    },
  };
}
