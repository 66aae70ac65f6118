import { type Caller, gql } from './graphql-client.js';

export const INGEST = `mutation($input: [IngestMentionInput!]!) {
  ingestMentions(input: $input) { index externalId outcome mentionId matched problems { field message } }
}`;

export interface IngestResultRow {
  index: number;
  externalId: string | null;
  outcome: string;
  mentionId: string | null;
  matched: boolean;
  problems: Array<{ field: string; message: string }>;
}

let counter = 0;

/** A post that mentions `Brand A` (the world's brand of tenant A matches `brand a`). */
export function post(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    channel: 'X',
    externalId: `post-${Date.now()}-${counter}`,
    text: 'I really love Brand A, best coffee ever!',
    publishedAt: new Date().toISOString(),
    author: { handle: `@fan${counter}`, followers: 120 },
    ...overrides,
  };
}

export async function ingest(
  graphqlUrl: string,
  caller: Caller,
  input: unknown[],
): Promise<IngestResultRow[]> {
  const response = await gql<{ ingestMentions: IngestResultRow[] }>(
    graphqlUrl,
    INGEST,
    { input },
    caller,
  );
  if (!response.data) throw new Error(`ingest failed: ${JSON.stringify(response.errors)}`);
  return response.data.ingestMentions;
}
