import { DEFAULT_PROCESS_CATALOGUE } from '@socialcrm/domain';
import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

const RECORD =
  'mutation($input: RecordMaturityAssessmentInput!) { recordMaturityAssessment(input: $input) { id } }';
const RATINGS = DEFAULT_PROCESS_CATALOGUE.map((p) => ({
  processId: p.id,
  existence: 2,
  effectiveness: 3,
}));

/** CRM maturity assessments, aimed at tenant B's assessment. */
export const maturityArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const response = await gql<{ recordMaturityAssessment: { id: string } }>(
      graphqlUrl,
      RECORD,
      { input: { ratings: RATINGS, note: 'B audit' } },
      bOwner,
    );
    const bAssessmentId = response.data?.recordMaturityAssessment.id;
    if (!bAssessmentId)
      throw new Error(`tenant B's assessment failed: ${JSON.stringify(response)}`);
    return { bAssessmentId };
  },
  operations: {
    recordMaturityAssessment: {
      document: RECORD,
      variables: () => ({ input: { ratings: RATINGS } }),
    },
    maturityAssessments: {
      document: '{ maturityAssessments { id note audit { overallScore } } }',
      variables: () => ({}),
    },
    maturityAssessment: {
      document: 'query($id: ID!) { maturityAssessment(id: $id) { id note } }',
      variables: (_w, t) => ({ id: t.bAssessmentId }),
    },
    latestMaturityAssessment: {
      document: '{ latestMaturityAssessment { id note } }',
      variables: () => ({}),
    },
    maturityProcessCatalogue: {
      document: '{ maturityProcessCatalogue { id stage name } }',
      variables: () => ({}),
    },
  },
};
