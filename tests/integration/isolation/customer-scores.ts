import type { IsolationArea } from './area.js';

/** RFM and revenue concentration of tenant B. */
export const customerScoresArea: IsolationArea = {
  async prepare() {
    return {};
  },
  operations: {
    rfmGrid: { document: '{ rfmGrid { scoredContacts } }', variables: () => ({}) },
    revenuePareto: { document: '{ revenuePareto { customers } }', variables: () => ({}) },
    recomputeRfm: {
      document: 'mutation { recomputeRfm { purchasesScored } }',
      variables: () => ({}),
    },
  },
};
