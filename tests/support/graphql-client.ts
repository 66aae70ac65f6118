export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: Array<{
    message: string;
    path?: string[];
    extensions?: Record<string, unknown> & { code?: string };
  }>;
}

export interface Caller {
  readonly token?: string;
  readonly tenantId?: string;
  /** Client address told through a proxy (the api runs with TRUST_PROXY). */
  readonly forwardedFor?: string;
}

/** A plain HTTP GraphQL client, as any client of the api would be. */
export async function gql<T = Record<string, unknown>>(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  caller: Caller = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.tenantId) headers['x-tenant-id'] = caller.tenantId;
  if (caller.forwardedFor) headers['x-forwarded-for'] = caller.forwardedFor;
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

export const errorCodes = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((e) => e.extensions?.code);

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($email: String!, $password: String!) {
    signIn(input: { email: $email, password: $password }) {
      accessToken
      accessTokenExpiresAt
      refreshToken
    }
  }
`;

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export async function signIn(
  graphqlUrl: string,
  email: string,
  password: string,
): Promise<Session> {
  const response = await gql<{ signIn: Session }>(graphqlUrl, SIGN_IN, { email, password });
  if (!response.data?.signIn)
    throw new Error(`sign-in of ${email} failed: ${JSON.stringify(response.errors)}`);
  return response.data.signIn;
}
