import { type Caller, gql, signIn } from './graphql-client.js';
import type { Suite } from './suite.js';
import { PASSWORD, type World } from './world.js';

export const CONNECTOR_FIELDS = `id kind name status hasSecret lastSuccessAt lastError lastErrorAt
  consecutiveFailures nextPollAt webhookUrl settings { channel feedUrl pollIntervalSeconds baseUrl stream hashtag }`;

export const CREATE_CONNECTOR = `mutation($input: CreateConnectorInput!) {
  createConnector(input: $input) { verifyToken connector { ${CONNECTOR_FIELDS} } }
}`;

export interface ConnectorView {
  id: string;
  kind: string;
  name: string;
  status: string;
  hasSecret: boolean;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  webhookUrl: string | null;
  settings: Record<string, unknown>;
}

export type SignedIn = Caller & { token: string; tenantId: string };

export async function callerOf(
  suite: Suite,
  user: keyof World['users'],
  tenant: keyof World['tenants'],
): Promise<SignedIn> {
  const session = await signIn(suite.api.graphqlUrl, suite.world.users[user].email, PASSWORD);
  return { token: session.accessToken, tenantId: suite.world.tenants[tenant] };
}

let counter = 0;

export async function createConnector(
  suite: Suite,
  caller: Caller,
  input: Record<string, unknown>,
): Promise<{ connector: ConnectorView; verifyToken: string | null }> {
  counter += 1;
  const response = await gql<{
    createConnector: { connector: ConnectorView; verifyToken: string | null };
  }>(
    suite.api.graphqlUrl,
    CREATE_CONNECTOR,
    { input: { name: `connector ${counter}`, ...input } },
    caller,
  );
  if (!response.data) throw new Error(`createConnector failed: ${JSON.stringify(response.errors)}`);
  return response.data.createConnector;
}

export async function connectorById(
  suite: Suite,
  caller: Caller,
  id: string,
): Promise<ConnectorView | undefined> {
  const response = await gql<{ connectors: ConnectorView[] }>(
    suite.api.graphqlUrl,
    `{ connectors { ${CONNECTOR_FIELDS} } }`,
    {},
    caller,
  );
  return response.data?.connectors.find((connector) => connector.id === id);
}

export interface ListedMention {
  externalId: string;
  channel: string;
  text: string;
  url: string | null;
  author: { handle: string } | null;
}

/** The tenant's mentions on `channel` (matched ones: the world's brands are "Brand X"). */
export async function mentionsOn(
  suite: Suite,
  caller: Caller,
  channel: string,
): Promise<ListedMention[]> {
  const response = await gql<{ mentions: { edges: Array<{ node: ListedMention }> } }>(
    suite.api.graphqlUrl,
    `query($filter: MentionFilterInput) {
      mentions(first: 100, filter: $filter) { edges { node { externalId channel text url author { handle } } } }
    }`,
    { filter: { channels: [channel] } },
    caller,
  );
  if (!response.data) throw new Error(`mentions failed: ${JSON.stringify(response.errors)}`);
  return response.data.mentions.edges.map((edge) => edge.node);
}

/** Polls `read` until `done` holds; for effects of background work (streams), not for speed. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
