import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

const RULE = { all: [{ field: 'city', op: 'equals', value: 'Lisbon' }] };

/** Segments and static lists, aimed at tenant B's dynamic segment, its static list and a contact. */
export const segmentsArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const run = async (document: string, variables: Record<string, unknown>) => {
      const response = await gql<Record<string, { id: string }>>(
        graphqlUrl,
        document,
        variables,
        bOwner,
      );
      const id = Object.values(response.data ?? {})[0]?.id;
      if (!id) throw new Error(`tenant B's object was not created: ${JSON.stringify(response)}`);
      return id;
    };
    const create = 'mutation($input: SegmentInput!) { createSegment(input: $input) { id } }';
    const bSegmentId = await run(create, {
      input: { name: 'B Lisbon', kind: 'DYNAMIC', rule: RULE },
    });
    const bListId = await run(create, { input: { name: 'B list', kind: 'STATIC' } });
    const bListContactId = await run(
      'mutation { createContact(input: { firstName: "Listed" }) { id } }',
      {},
    );
    await run(
      'mutation($id: ID!, $c: ID!) { addContactsToSegment(id: $id, contactIds: [$c]) { id } }',
      {
        id: bListId,
        c: bListContactId,
      },
    );
    return { bSegmentId, bListId, bListContactId };
  },
  operations: {
    segments: { document: '{ segments { id name memberCount } }', variables: () => ({}) },
    segment: {
      document:
        'query($id: ID!) { segment(id: $id) { id members { totalCount } sizeHistory { day } } }',
      variables: (_w, t) => ({ id: t.bSegmentId }),
    },
    segmentPreview: {
      document:
        'query($rule: SegmentRule!) { segmentPreview(rule: $rule) { count sample { id } } }',
      variables: () => ({ rule: RULE }),
    },
    segmentFields: { document: '{ segmentFields { name } }', variables: () => ({}) },
    createSegment: {
      document: 'mutation($input: SegmentInput!) { createSegment(input: $input) { id } }',
      variables: () => ({ input: { name: 'Spy', kind: 'STATIC' } }),
    },
    updateSegment: {
      document: 'mutation($id: ID!) { updateSegment(id: $id, input: { name: "Spied" }) { id } }',
      variables: (_w, t) => ({ id: t.bSegmentId }),
    },
    deleteSegment: {
      document: 'mutation($id: ID!) { deleteSegment(id: $id) }',
      variables: (_w, t) => ({ id: t.bSegmentId }),
    },
    refreshSegment: {
      document: 'mutation($id: ID!) { refreshSegment(id: $id) { id } }',
      variables: (_w, t) => ({ id: t.bSegmentId }),
    },
    addContactsToSegment: {
      document:
        'mutation($id: ID!, $c: ID!) { addContactsToSegment(id: $id, contactIds: [$c]) { id } }',
      variables: (_w, t) => ({ id: t.bListId, c: t.bListContactId }),
    },
    removeContactsFromSegment: {
      document:
        'mutation($id: ID!, $c: ID!) { removeContactsFromSegment(id: $id, contactIds: [$c]) { id } }',
      variables: (_w, t) => ({ id: t.bListId, c: t.bListContactId }),
    },
  },
};
