import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

/** Notes and logged interactions, aimed at tenant B's contact and note. */
export const timelineArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const contact = await gql<{ createContact: { id: string } }>(
      graphqlUrl,
      'mutation { createContact(input: { displayName: "B noted" }) { id } }',
      {},
      bOwner,
    );
    const bNotedId = contact.data?.createContact.id;
    const note = await gql<{ addNote: { id: string } }>(
      graphqlUrl,
      'mutation($id: ID!) { addNote(contactId: $id, body: "B secret") { id } }',
      { id: bNotedId },
      bOwner,
    );
    const bNoteId = note.data?.addNote.id;
    if (!bNotedId || !bNoteId)
      throw new Error(`tenant B's note was not made: ${JSON.stringify([contact, note])}`);
    await gql(
      graphqlUrl,
      'mutation($id: ID!) { editNote(id: $id, body: "B secret, edited") { id } }',
      { id: bNoteId },
      bOwner,
    );
    return { bNotedId, bNoteId };
  },
  operations: {
    addNote: {
      document: 'mutation($id: ID!) { addNote(contactId: $id, body: "spy") { id } }',
      variables: (_w, t) => ({ id: t.bNotedId }),
    },
    editNote: {
      document: 'mutation($id: ID!) { editNote(id: $id, body: "spy") { id body } }',
      variables: (_w, t) => ({ id: t.bNoteId }),
    },
    noteVersions: {
      document: 'query($id: ID!) { noteVersions(id: $id) { version body } }',
      variables: (_w, t) => ({ id: t.bNoteId }),
    },
    logInteraction: {
      document:
        'mutation($id: ID!) { logInteraction(contactId: $id, input: { kind: CALL, occurredAt: "2026-01-01T00:00:00Z" }) { id } }',
      variables: (_w, t) => ({ id: t.bNotedId }),
    },
  },
};
