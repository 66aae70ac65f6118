import {
  createSourceEventStream,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
} from 'graphql';

import { mapPromptly } from './prompt-return.js';

type Execution = ExecutionResult | Promise<ExecutionResult>;

// Per event object: one execution per (document, operation, variables). Entries are garbage-collected
// with their events.
const executions = new WeakMap<object, Map<string, Execution>>();

/**
 * Subscriptions as graphql-js runs them, except that an event delivered to many subscribers
 * with the same document, operation and variables is executed once and the result shared: with hundreds
 * of subscribers per tenant, executing per subscriber is what collapses a server (PERF.md).
 * Sound because an event source here filters per subscriber before yielding, and the fields
 * of a delivered payload do not depend on who reads them.
 */
export async function subscribeSharingExecution(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = `${args.document.loc?.source.body ?? ''}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  // graphql-js's source stream is the resolver's async iterator.
  return mapPromptly(source as AsyncIterableIterator<unknown>, (payload) =>
    executeOnce(payload, key, args),
  ) as AsyncIterableIterator<ExecutionResult>;
}

function executeOnce(payload: unknown, key: string, args: ExecutionArgs): Execution {
  if (typeof payload !== 'object' || payload === null)
    return execute({ ...args, rootValue: payload });
  let byKey = executions.get(payload);
  if (!byKey) {
    byKey = new Map();
    executions.set(payload, byKey);
  }
  let result = byKey.get(key);
  if (!result) {
    result = execute({ ...args, rootValue: payload });
    byKey.set(key, result);
  }
  return result;
}
