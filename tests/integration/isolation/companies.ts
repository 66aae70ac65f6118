import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

/** Companies and who belongs to them, aimed at tenant B's company and contact. */
export const companiesArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const company = await gql<{ createCompany: { id: string } }>(
      graphqlUrl,
      'mutation { createCompany(input: { name: "B Corp", domain: "b-corp.example" }) { id } }',
      {},
      bOwner,
    );
    const contact = await gql<{ createContact: { id: string } }>(
      graphqlUrl,
      'mutation { createContact(input: { displayName: "B member" }) { id } }',
      {},
      bOwner,
    );
    const bCompanyId = company.data?.createCompany.id;
    const bMemberId = contact.data?.createContact.id;
    if (!bCompanyId || !bMemberId)
      throw new Error(`tenant B's company was not made: ${JSON.stringify([company, contact])}`);
    await gql(
      graphqlUrl,
      'mutation($contactId: ID!, $companyId: ID!) { linkContactToCompany(contactId: $contactId, companyId: $companyId, role: "CEO") { id } }',
      { contactId: bMemberId, companyId: bCompanyId },
      bOwner,
    );
    return { bCompanyId, bMemberId };
  },
  operations: {
    companies: {
      document: '{ companies { totalCount edges { node { id name } } } }',
      variables: () => ({}),
    },
    company: {
      document: 'query($id: ID!) { company(id: $id) { id name contactCount } }',
      variables: (_w, t) => ({ id: t.bCompanyId }),
    },
    createCompany: {
      document: 'mutation { createCompany(input: { name: "Spy Corp" }) { id } }',
      variables: () => ({}),
    },
    updateCompany: {
      document: 'mutation($id: ID!) { updateCompany(id: $id, input: { name: "Hacked" }) { id } }',
      variables: (_w, t) => ({ id: t.bCompanyId }),
    },
    deleteCompany: {
      document: 'mutation($id: ID!) { deleteCompany(id: $id) }',
      variables: (_w, t) => ({ id: t.bCompanyId }),
    },
    linkContactToCompany: {
      document:
        'mutation($id: ID!, $companyId: ID!) { linkContactToCompany(contactId: $id, companyId: $companyId, role: "spy") { id } }',
      variables: (_w, t) => ({ id: t.bMemberId, companyId: t.bCompanyId }),
    },
    unlinkContactFromCompany: {
      document:
        'mutation($id: ID!, $companyId: ID!) { unlinkContactFromCompany(contactId: $id, companyId: $companyId) { id } }',
      variables: (_w, t) => ({ id: t.bMemberId, companyId: t.bCompanyId }),
    },
  },
};
