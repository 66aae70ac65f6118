import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

/** Duplicates and merges, aimed at a duplicate pair of tenant B and B's record of a merge. */
export const contactMergeArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const create = async (firstName: string) => {
      const response = await gql<{ createContact: { id: string } }>(
        graphqlUrl,
        'mutation($name: String!) { createContact(input: { firstName: $name, emails: ["twin@b.example"] }) { id } }',
        { name: firstName },
        bOwner,
      );
      const id = response.data?.createContact.id;
      if (!id) throw new Error(`tenant B's contact was not created: ${JSON.stringify(response)}`);
      return id;
    };
    const [bTwinId, bTwinOtherId, bMergedAwayId] = [
      await create('Twin'),
      await create('Twain'),
      await create('Gone'),
    ];
    const merged = await gql(
      graphqlUrl,
      'mutation($id: ID!, $other: ID!) { mergeContacts(survivorId: $id, mergedIds: [$other]) { merge { id } } }',
      { id: bTwinId, other: bMergedAwayId },
      bOwner,
    );
    if (merged.errors) throw new Error(`tenant B's merge failed: ${JSON.stringify(merged)}`);
    return { bTwinId, bTwinOtherId };
  },
  operations: {
    duplicateContacts: {
      document: '{ duplicateContacts { totalCount edges { node { id contacts { id } } } } }',
      variables: () => ({}),
    },
    dismissDuplicate: {
      document: 'mutation($id: ID!, $other: ID!) { dismissDuplicate(contactIds: [$id, $other]) }',
      variables: (_w, t) => ({ id: t.bTwinId, other: t.bTwinOtherId }),
    },
    contactMergePreview: {
      document:
        'query($id: ID!, $other: ID!) { contactMergePreview(survivorId: $id, mergedIds: [$other]) { survivorId result { emails } } }',
      variables: (_w, t) => ({ id: t.bTwinId, other: t.bTwinOtherId }),
    },
    mergeContacts: {
      document:
        'mutation($id: ID!, $other: ID!) { mergeContacts(survivorId: $id, mergedIds: [$other]) { merge { id } } }',
      variables: (_w, t) => ({ id: t.bTwinId, other: t.bTwinOtherId }),
    },
    contactMerges: {
      document: '{ contactMerges { totalCount edges { node { id survivorId } } } }',
      variables: () => ({}),
    },
  },
};
