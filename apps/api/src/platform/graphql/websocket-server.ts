import type { Server } from 'node:http';
import {
  type DocumentNode,
  execute,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { AccessTokens } from '../auth/access-token.js';
import { contextFromCredentials } from '../context/context-from-request.js';
import type { RequestContext } from '../context/request-context.js';
import type { OperationScopes } from '../database/operation-scope.js';
import { log } from '../logging/log.js';
import { operationFields } from '../logging/operation-fields.js';
import { observeOperation, operationLabel } from '../metrics/operation-metrics.js';
import type { GraphQLContext, LiveSources } from './graphql-context.js';
import { QUERY_LIMITS } from './limits.js';
import { replaceNextPayload, withPayloadJson } from './shared-payload-json.js';
import { subscribeSharingExecution } from './shared-subscription-execution.js';

const MAX_MESSAGE_BYTES = 64 * 1024;

export interface WebSocketDeps {
  readonly schema: GraphQLSchema;
  readonly live: LiveSources;
  readonly tokens: AccessTokens;
  readonly scopes: OperationScopes;
  readonly validationRules: ValidationRule[];
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * graphql-ws on the same port as HTTP, under the same limits. A connection must present a
 * valid token in its init message (`{ authorization: 'Bearer …', tenantId }`) or is closed.
 */
export function attachWebSocketServer(httpServer: Server, path: string, deps: WebSocketDeps) {
  const wsServer = new WebSocketServer({ server: httpServer, path, maxPayload: MAX_MESSAGE_BYTES });
  wsServer.on('connection', sendEfficiently);
  const started = new StartedOperations();
  const cleanup = useServer<Record<string, unknown>, { context?: SocketCaller }>(
    {
      schema: deps.schema,
      jsonMessageReplacer: replaceNextPayload,
      onConnect: async (ctx) => {
        try {
          const request = await contextFromCredentials(
            credentialsOf(ctx.connectionParams, ctx.extra.request.socket.remoteAddress),
            deps.tokens,
          );
          if (request.principal.kind === 'anonymous') return false;
          // The socket's caller; each operation on it gets an operation of its own (below).
          ctx.extra.context = { request, live: deps.live };
          closeAtExpiry(ctx.extra.socket, request);
          return true;
        } catch {
          return false;
        }
      },
      // Each operation gets its own context (and so its own transaction).
      context: (ctx, id) => {
        const { request, live } = ctx.extra.context as SocketCaller;
        const operationRequest = {
          ...request,
          requestId: operationRequestId(ctx.extra.context, id),
        };
        return {
          request: operationRequest,
          operation: deps.scopes.operation(operationRequest),
          live,
          logFields: {},
        } satisfies GraphQLContext;
      },
      onSubscribe: (ctx, id, payload) => {
        // The expiry timer closes the socket; this covers a message racing it.
        const { request } = ctx.extra.context as SocketCaller;
        if (hasExpired(request)) {
          ctx.extra.socket.close(CLOSE_TOKEN_EXPIRED, 'Access token expired');
          return [
            new GraphQLError('Access token expired', { extensions: { code: 'UNAUTHENTICATED' } }),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.maxTokens });
        } catch (error) {
          return [error as never];
        }
        const operation = getOperationAST(document, payload.operationName) ?? undefined;
        started.set(ctx.extra.socket, id, operationLabel(operation));
        const errors = validate(deps.schema, document, [
          ...specifiedRules,
          ...deps.validationRules,
        ]);
        if (errors.length) return errors;
      },
      onComplete: (ctx, id) => {
        const { request } = ctx.extra.context as SocketCaller;
        const operation = started.take(ctx.extra.socket, id);
        log.info(
          {
            ...operationFields({
              ...request,
              requestId: operationRequestId(ctx.extra.context, id),
            }),
            transport: 'websocket',
            operation: operation?.label ?? null,
            ...(operation && { responseTime: Date.now() - operation.at }),
          },
          'operation',
        );
        if (operation)
          observeOperation(operation.label, 'websocket', 'ok', (Date.now() - operation.at) / 1000);
      },
      subscribe: (args) => subscribeSharingExecution(args),
      execute: async (args) => {
        const result = await execute(args);
        const { operation } = args.contextValue as GraphQLContext;
        await deps.scopes.finish(operation, !('errors' in result && result.errors?.length));
        return result;
      },
      // A stream that fails midway: graphql-ws wraps what was thrown, text and all. Wrapped
      // errors leave through the HTTP formatter; its own (parse, validation) go as they are.
      onError: (ctx, id, _payload, errors) =>
        errors.map((error) =>
          withRequestId(
            error.originalError
              ? deps.formatError(error.toJSON(), error.originalError)
              : error.toJSON(),
            operationRequestId(ctx.extra.context, id),
          ),
        ),
      // Errors leave through the same formatter as HTTP: no database text, no stack. A result
      // without errors goes out as the very object the shared execution made (serialised once).
      onNext: (ctx, id, _payload, _args, result) => {
        if (!result.errors?.length) return result;
        const requestId = operationRequestId(ctx.extra.context, id);
        return {
          ...result,
          errors: result.errors.map((error) =>
            withRequestId(deps.formatError(error.toJSON(), error), requestId),
          ),
        } as never;
      },
    },
    wsServer,
  );
  return { close: () => cleanup.dispose() };
}

/** Who a socket's operations run as (each operation is its own `Operation`). */
type SocketCaller = Pick<GraphQLContext, 'request' | 'live'>;

/** graphql-ws's "Unauthorized": the client reconnects with its refreshed token. */
const CLOSE_TOKEN_EXPIRED = 4401;

const expiresAtOf = (request: RequestContext) =>
  request.principal.kind === 'user' ? request.principal.expiresAt : Number.POSITIVE_INFINITY;

function hasExpired(request: RequestContext, now = Date.now()): boolean {
  return expiresAtOf(request) <= now;
}

/**
 * A socket authenticates once, so it may live only as long as its access token: every
 * operation on it is then authorised by a live token. API keys are checked per operation.
 */
function closeAtExpiry(socket: WebSocket, request: RequestContext): void {
  const expiresAt = expiresAtOf(request);
  if (!Number.isFinite(expiresAt)) return;
  const timer = setTimeout(
    () => socket.close(CLOSE_TOKEN_EXPIRED, 'Access token expired'),
    Math.max(0, expiresAt - Date.now()),
  );
  socket.once('close', () => clearTimeout(timer));
}

function credentialsOf(
  params: Readonly<Record<string, unknown>> | undefined,
  address: string | undefined,
) {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    authorization: text(params?.authorization),
    tenantId: text(params?.tenantId),
    acceptLanguage: text(params?.locale),
    clientAddress: address ?? 'unknown',
  };
}

/** A subscriber this far behind is disconnected; it resumes from its cursor when it reconnects. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * graphql-ws waits for each message's write to complete before sending the next one, so a
 * subscriber's burst of feed events costs one system call each. Here a send is acknowledged
 * as soon as it is queued, and the TCP socket is corked for the rest of the event-loop turn:
 * a burst leaves in one write. The queue is bounded instead: a socket with more than
 * MAX_BUFFERED_BYTES unsent is closed as too slow. ws keeps its net.Socket in `_socket`.
 * Every message also gets its shared payload's JSON here (shared-payload-json.ts).
 */
function sendEfficiently(socket: WebSocket): void {
  const raw = (socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
  const send = socket.send.bind(socket) as (
    data: string,
    callback?: (error?: Error) => void,
  ) => void;
  let corked = false;
  socket.send = ((data: string, ...rest: unknown[]) => {
    const callback = rest.find((arg) => typeof arg === 'function') as
      | ((error?: Error) => void)
      | undefined;
    const message = withPayloadJson(data);
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(CLOSE_TRY_AGAIN_LATER, 'Too far behind; resume from your last cursor');
      callback?.();
      return;
    }
    if (raw && !corked) {
      corked = true;
      raw.cork();
      process.nextTick(() => {
        corked = false;
        raw.uncork();
      });
    }
    send(message);
    callback?.();
  }) as WebSocket['send'];
}

/** When each socket's operations started, for their log lines; forgotten with the socket. */
class StartedOperations {
  private readonly bySocket = new WeakMap<object, Map<string, { at: number; label: string }>>();

  set(socket: object, id: string, label: string): void {
    const operations = this.bySocket.get(socket) ?? new Map();
    this.bySocket.set(socket, operations);
    operations.set(id, { at: Date.now(), label });
  }

  take(socket: object, id: string) {
    const operation = this.bySocket.get(socket)?.get(id);
    this.bySocket.get(socket)?.delete(id);
    return operation;
  }
}

/** An operation on a socket is known by the socket's request id and its own. */
function operationRequestId(context: SocketCaller | undefined, id: string): string {
  return `${context?.request.requestId ?? 'ws'}:${id}`;
}

/** The request id in an error, as over HTTP: the admin shows it as a reference. */
function withRequestId(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  return { ...error, extensions: { ...error.extensions, requestId } };
}
