import {
  Client,
  type CombinedError,
  cacheExchange,
  fetchExchange,
  type Operation,
  subscriptionExchange,
} from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient } from 'graphql-ws';
import { watch } from 'vue';
import type { SessionStore } from '../stores/session.js';
import { refreshSession } from './auth-api.js';

/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 30_000;

export function expiresSoon(session: SessionStore, now = Date.now()): boolean {
  const expiresAt = session.tokens?.accessTokenExpiresAt;
  return expiresAt !== undefined && Date.parse(expiresAt) - now < REFRESH_MARGIN_MS;
}

function headersOf(session: SessionStore): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': session.locale };
  if (session.tokens) headers.authorization = `Bearer ${session.tokens.accessToken}`;
  if (session.activeTenantId) headers['x-tenant-id'] = session.activeTenantId;
  return headers;
}

const isAuthError = (error: CombinedError) =>
  error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ||
  error.response?.status === 401;

/**
 * A client for the active tenant: a fresh one per tenant, so no tenant's cached data shows in
 * another. `preferGetMethod: false` because the api's CSRF protection rejects GET queries.
 */
export function createAppClient(session: SessionStore): { client: Client; dispose: () => void } {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  // The socket authenticates once, in its init message: a refreshed token needs a new socket.
  // Closing with 4205 ("client restart") makes graphql-ws reconnect (reading the new token and
  // tenant) and re-send the active subscriptions.
  let socket: WebSocket | null = null;
  let restartOnOpen = false;
  const ws = createWsClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: 8,
    shouldRetry: () => true,
    connectionParams: () => ({
      authorization: session.tokens ? `Bearer ${session.tokens.accessToken}` : undefined,
      tenantId: session.activeTenantId ?? undefined,
      locale: session.locale,
    }),
    on: {
      opened: (opened) => {
        socket = opened as WebSocket;
        if (restartOnOpen) {
          restartOnOpen = false;
          socket.close(4205, 'Client Restart');
        }
      },
      closed: () => {
        socket = null;
      },
    },
  });
  const restartSocket = () => {
    if (socket?.readyState === WebSocket.OPEN) socket.close(4205, 'Client Restart');
    else if (socket) restartOnOpen = true;
  };
  const stopWatching = watch(
    () => session.tokens?.accessToken,
    (token, previous) => {
      if (token && previous && token !== previous) restartSocket();
    },
  );

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation: (operation: Operation) =>
          utils.appendHeaders(operation, headersOf(session)),
        willAuthError: () => session.tokens !== null && expiresSoon(session),
        didAuthError: (error) => session.tokens !== null && isAuthError(error),
        refreshAuth: async () => {
          await refreshSession(session);
        },
      })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });
  return {
    client,
    dispose: () => {
      stopWatching();
      void ws.dispose();
    },
  };
}
