import type { IsolationArea } from './area.js';

/** Privacy requests, aimed at tenant B's lead (bContactId, made by the core) and B's audit log. */
export const privacyArea: IsolationArea = {
  async prepare() {
    return {};
  },
  operations: {
    contactPersonalData: {
      document: 'mutation($id: ID!) { contactPersonalData(contactId: $id) }',
      variables: (_w, t) => ({ id: t.bContactId }),
    },
    eraseContact: {
      document:
        'mutation($id: ID!) { eraseContact(contactId: $id, reason: "attack") { id counts { table rows } } }',
      variables: (_w, t) => ({ id: t.bContactId }),
    },
    privacyRequests: {
      document: '{ privacyRequests { totalCount edges { node { id contactId } } } }',
      variables: () => ({}),
    },
  },
};
