import { expect } from 'vitest';
import { type Caller, type GraphQLResponse, gql } from './graphql-client.js';

/** A segment as the tests read it. */
export interface SegmentView {
  id: string;
  name: string;
  kind: 'DYNAMIC' | 'STATIC';
  rule: unknown;
  memberCount: number;
  refreshState: 'PENDING' | 'READY';
}

export const SEGMENT_FIELDS_SELECTION = 'id name kind rule memberCount refreshState';

/** Polls until `ready` holds, or fails after `ms`. */
export async function eventually<T>(
  read: () => Promise<T>,
  ready: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ready(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  expect(ready(value), `still not ready: ${JSON.stringify(value)}`).toBe(true);
  return value;
}

/** Reads a segment until its refresh is done. */
export function segmentWhenReady(graphqlUrl: string, caller: Caller, id: string) {
  return eventually(
    async () =>
      (
        await gql<{ segment: SegmentView }>(
          graphqlUrl,
          `query($id: ID!) { segment(id: $id) { ${SEGMENT_FIELDS_SELECTION} } }`,
          { id },
          caller,
        )
      ).data?.segment,
    (segment) => segment?.refreshState === 'READY',
  ) as Promise<SegmentView>;
}

/** Waits until the upkeep has carried every change of the tenant. */
export function upkeepDone(graphqlUrl: string, caller: Caller) {
  return eventually(
    async () =>
      (
        await gql<{ pendingContactUpdates: number }>(
          graphqlUrl,
          '{ pendingContactUpdates }',
          {},
          caller,
        )
      ).data?.pendingContactUpdates,
    (pending) => pending === 0,
    30_000,
  );
}

/** The fields of a bad-input answer. */
export const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).flatMap(
    (error) => (error.extensions?.fields as Array<{ field: string; message: string }>) ?? [],
  );
