import type { Caller } from '../../support/graphql-client.js';
import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

/** Customer value fits of tenant B, and what they valued. */
export const customerValueArea: IsolationArea = {
  async prepare(graphqlUrl: string, bOwner: Caller) {
    const fit = await gql<{ fitCustomerValue: { id: string } }>(
      graphqlUrl,
      'mutation { fitCustomerValue { id } }',
      {},
      bOwner,
    );
    return { bFitId: fit.data?.fitCustomerValue.id ?? '' };
  },
  operations: {
    fitCustomerValue: { document: 'mutation { fitCustomerValue { id } }', variables: () => ({}) },
    customerValueFits: { document: '{ customerValueFits { id } }', variables: () => ({}) },
    customerValueFit: {
      document: 'query($id: ID!) { customerValueFit(id: $id) { id } }',
      variables: (_w, t) => ({ id: t.bFitId }),
    },
    latestCustomerValueFit: {
      document: '{ latestCustomerValueFit { id } }',
      variables: () => ({}),
    },
    clvDistribution: { document: '{ clvDistribution { contacts } }', variables: () => ({}) },
    topCustomersByValue: {
      document: '{ topCustomersByValue { contactId } }',
      variables: () => ({}),
    },
  },
};
