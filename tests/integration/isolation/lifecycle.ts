import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

const PERIOD = 'query($from: DateTimeISO)';

/** Tenant B's lifecycle: a contact with a moved stage, its funnel and its churn setting. */
export const lifecycleArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const created = await gql<{ createContact: { id: string } }>(
      graphqlUrl,
      'mutation { createContact(input: { firstName: "Staged", lifecycleStage: "lead" }) { id } }',
      {},
      bOwner,
    );
    const bStagedId = created.data?.createContact.id;
    if (!bStagedId)
      throw new Error(`tenant B's contact was not created: ${JSON.stringify(created)}`);
    const moved = await gql(
      graphqlUrl,
      'mutation($id: ID!) { moveLifecycleStage(contactId: $id, stage: "marketingQualifiedLead", reason: "B only") { id } }',
      { id: bStagedId },
      bOwner,
    );
    if (moved.errors) throw new Error(`tenant B's move failed: ${JSON.stringify(moved)}`);
    return { bStagedId };
  },
  operations: {
    moveLifecycleStage: {
      document:
        'mutation($id: ID!) { moveLifecycleStage(contactId: $id, stage: "salesQualifiedLead", reason: "cross-tenant") { id lifecycleHistory { reason } } }',
      variables: (_w, t) => ({ id: t.bStagedId }),
    },
    updateLifecycleSettings: {
      document: 'mutation { updateLifecycleSettings(churnAfterDays: 7) { churnAfterDays } }',
      variables: () => ({}),
    },
    lifecycleSettings: {
      document: '{ lifecycleSettings { churnAfterDays } }',
      variables: () => ({}),
    },
    lifecycleFunnel: {
      document: `${PERIOD} { lifecycleFunnel(from: $from) { contacts steps { stage reached } } }`,
      variables: () => ({ from: null }),
    },
    leadConversionRatio: {
      document: `${PERIOD} { leadConversionRatio(from: $from) { leads customers } }`,
      variables: () => ({ from: null }),
    },
    medianTimeInStage: {
      document: `${PERIOD} { medianTimeInStage(from: $from) { stage medianDays } }`,
      variables: () => ({ from: null }),
    },
    lifecycleCohorts: {
      document: `${PERIOD} { lifecycleCohorts(from: $from) { cohort funnel { contacts } } }`,
      variables: () => ({ from: null }),
    },
  },
};
