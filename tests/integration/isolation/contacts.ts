import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

/** Contacts, identities, custom fields and saved contact views, aimed at tenant B's. */
export const contactsArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const contact = await gql<{ createContact: { id: string } }>(
      graphqlUrl,
      'mutation { createContact(input: { firstName: "Bea", emails: ["bea@b.example"] }) { id } }',
      {},
      bOwner,
    );
    const bPersonId = contact.data?.createContact.id;
    if (!bPersonId)
      throw new Error(`tenant B's contact was not created: ${JSON.stringify(contact)}`);
    const identity = await gql<{ addSocialIdentity: { id: string } }>(
      graphqlUrl,
      'mutation($id: ID!) { addSocialIdentity(contactId: $id, input: { channel: X, handle: "bea_b" }) { id } }',
      { id: bPersonId },
      bOwner,
    );
    const field = await gql<{ defineCustomField: { id: string } }>(
      graphqlUrl,
      'mutation { defineCustomField(input: { entity: CONTACT, key: "b_tier", label: "Tier", type: TEXT }) { id } }',
      {},
      bOwner,
    );
    const view = await gql<{ createSavedContactView: { id: string } }>(
      graphqlUrl,
      'mutation { createSavedContactView(input: { name: "B view", search: "bea" }) { id } }',
      {},
      bOwner,
    );
    const targets = {
      bPersonId,
      bIdentityId: identity.data?.addSocialIdentity.id ?? '',
      bCustomFieldId: field.data?.defineCustomField.id ?? '',
      bContactViewId: view.data?.createSavedContactView.id ?? '',
    };
    if (Object.values(targets).some((id) => !id))
      throw new Error(`tenant B's contact objects were not all made: ${JSON.stringify(targets)}`);
    return targets;
  },
  operations: {
    contacts: {
      document: '{ contacts(search: "bea") { totalCount edges { node { id } } } }',
      variables: () => ({}),
    },
    createContact: {
      document: 'mutation { createContact(input: { firstName: "Spy" }) { id } }',
      variables: () => ({}),
    },
    updateContact: {
      document: 'mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Spy" }) { id } }',
      variables: (_w, t) => ({ id: t.bPersonId }),
    },
    // Bulk actions answer how many of the given contacts changed (0 for another tenant's):
    // contacts.spec.ts checks that; here they are refused in tenant B.
    deleteContacts: {
      document: 'mutation($contactIds: [ID!]!) { deleteContacts(ids: $contactIds) }',
      variables: (_w, t) => ({ contactIds: [t.bPersonId] }),
    },
    tagContacts: {
      document: 'mutation($contactIds: [ID!]!) { tagContacts(ids: $contactIds, add: ["spy"]) }',
      variables: (_w, t) => ({ contactIds: [t.bPersonId] }),
    },
    assignContacts: {
      document: 'mutation($contactIds: [ID!]!) { assignContacts(ids: $contactIds, ownerId: null) }',
      variables: (_w, t) => ({ contactIds: [t.bPersonId] }),
    },
    addSocialIdentity: {
      document:
        'mutation($id: ID!) { addSocialIdentity(contactId: $id, input: { channel: X, handle: "spy" }) { id } }',
      variables: (_w, t) => ({ id: t.bPersonId }),
    },
    removeSocialIdentity: {
      document: 'mutation($id: ID!) { removeSocialIdentity(id: $id) }',
      variables: (_w, t) => ({ id: t.bIdentityId }),
    },
    customFieldDefinitions: {
      document: '{ customFieldDefinitions(entity: CONTACT) { id key } }',
      variables: () => ({}),
    },
    defineCustomField: {
      document:
        'mutation { defineCustomField(input: { entity: CONTACT, key: "spy", label: "Spy", type: TEXT }) { id } }',
      variables: () => ({}),
    },
    updateCustomField: {
      document: 'mutation($id: ID!) { updateCustomField(id: $id, input: { label: "Spy" }) { id } }',
      variables: (_w, t) => ({ id: t.bCustomFieldId }),
    },
    deleteCustomField: {
      document: 'mutation($id: ID!) { deleteCustomField(id: $id) }',
      variables: (_w, t) => ({ id: t.bCustomFieldId }),
    },
    savedContactViews: { document: '{ savedContactViews { id name } }', variables: () => ({}) },
    createSavedContactView: {
      document: 'mutation { createSavedContactView(input: { name: "Spy" }) { id } }',
      variables: () => ({}),
    },
    deleteSavedContactView: {
      document: 'mutation($id: ID!) { deleteSavedContactView(id: $id) }',
      variables: (_w, t) => ({ id: t.bContactViewId }),
    },
  },
};
