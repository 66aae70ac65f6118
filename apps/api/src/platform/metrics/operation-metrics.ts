import type { OperationDefinitionNode } from 'graphql';
import { Counter, Histogram } from 'prom-client';
import { metrics } from './metrics.js';

const operations = new Counter({
  name: 'socialcrm_graphql_operations_total',
  help: 'GraphQL operations by root field, transport and outcome (ok or the error code).',
  labelNames: ['operation', 'transport', 'outcome'] as const,
  registers: [metrics],
});

const durations = new Histogram({
  name: 'socialcrm_graphql_operation_duration_seconds',
  help: 'How long GraphQL operations take, by root field and transport.',
  labelNames: ['operation', 'transport'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

/**
 * An operation as a metric names it: its type and first root field ("query brands"), a set the
 * schema bounds, unlike the operation names clients choose.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined): string {
  const [first] = operation?.selectionSet.selections ?? [];
  return operation && first?.kind === 'Field'
    ? `${operation.operation} ${first.name.value}`
    : 'invalid';
}

export function observeOperation(
  operation: string,
  transport: 'http' | 'websocket',
  outcome: string,
  seconds: number,
): void {
  operations.inc({ operation, transport, outcome });
  durations.observe({ operation, transport }, seconds);
}
