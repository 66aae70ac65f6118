import type { ApolloServerPlugin } from '@apollo/server';
import { observeOperation, operationLabel } from '../metrics/operation-metrics.js';
import type { GraphQLContext } from './graphql-context.js';

/** Counts and times each HTTP GraphQL operation by its root field and outcome. */
export function operationMetricsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          const outcome = errors?.length ? String(errors[0]?.extensions?.code ?? 'UNKNOWN') : 'ok';
          const seconds = (performance.now() - started) / 1000;
          observeOperation(operationLabel(operation), 'http', outcome, seconds);
        },
      };
    },
  };
}
