import { stringifyDocument } from '@urql/core';
import type { TadaDocumentNode } from 'gql.tada';
import { graphql } from '../graphql.js';
import { type GraphqlErrorLike, toAppError } from '../lib/graphql-errors.js';
import { readStoredTokens, type SessionStore, type SessionTokens } from '../stores/session.js';

// Session mutations go over plain fetch, outside urql's auth exchange, so that a failed
// sign-in or refresh never triggers another refresh.

const TokensFragment = graphql(`
  fragment Tokens on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    refreshTokenExpiresAt
  }
`);

export const SignInMutation = graphql(
  `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { ...Tokens }
  }
`,
  [TokensFragment],
);

export const RefreshSessionMutation = graphql(
  `
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { ...Tokens }
  }
`,
  [TokensFragment],
);

export const SignOutMutation = graphql(`
  mutation SignOut($refreshToken: String) {
    signOut(refreshToken: $refreshToken)
  }
`);

export const AcceptInvitationMutation = graphql(
  `
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) { ...Tokens }
  }
`,
  [TokensFragment],
);

export interface GraphqlResponse<R> {
  data?: R | null;
  errors?: GraphqlErrorLike[];
}

/** One POST to /graphql; network failures come back as an error, not a throw. */
export async function postGraphql<R, V>(
  document: TadaDocumentNode<R, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<R>> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: stringifyDocument(document), variables }),
    });
    return (await response.json()) as GraphqlResponse<R>;
  } catch (error) {
    return {
      errors: [{ message: String(error), extensions: { code: 'NETWORK_ERROR' } }],
    };
  }
}

/** The tokens of a payload, unmasked: the fragment is ours, so reading its fields is safe. */
export function tokensOf(payload: unknown): SessionTokens {
  return payload as SessionTokens;
}

let inFlight: Promise<boolean> | null = null;

/**
 * Rotates the refresh token once, however many callers ask at the same time (the exchange,
 * the timer, other tabs through a Web Lock). Resolves true when fresh tokens are in place.
 */
export function refreshSession(session: SessionStore): Promise<boolean> {
  inFlight ??= refreshOnce(session).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function refreshOnce(session: SessionStore): Promise<boolean> {
  const used = session.tokens?.refreshToken;
  if (!used) return false;
  const run = async (): Promise<boolean> => {
    const stored = readStoredTokens();
    if (stored && stored.refreshToken !== used) {
      // Another tab has rotated it meanwhile: take its tokens.
      session.setTokens(stored);
      return true;
    }
    const result = await postGraphql(RefreshSessionMutation, { refreshToken: used });
    if (result.data?.refreshSession) {
      session.setTokens(tokensOf(result.data.refreshSession));
      return true;
    }
    const error = toAppError(result.errors ?? []);
    if (error?.code !== 'NETWORK_ERROR') session.clear();
    return false;
  };
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('socialcrm-refresh', run);
  }
  return run();
}

/** Ends the session on the server (best effort) and forgets the tokens. */
export async function signOut(session: SessionStore): Promise<void> {
  const tokens = session.tokens;
  session.clear();
  if (!tokens) return;
  await postGraphql(
    SignOutMutation,
    { refreshToken: tokens.refreshToken },
    { authorization: `Bearer ${tokens.accessToken}` },
  );
}
