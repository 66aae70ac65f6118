import { graphql, type ResultOf } from '../../graphql.js';

/** An assessment in full: its ratings (to prefill the next) and its audit. */
export const AssessmentFields = graphql(`
  fragment AssessmentFields on MaturityAssessment {
    id note assessedAt
    ratings { processId existence effectiveness }
    audit {
      overallScore
      overallLevel { level name }
      stages {
        stage score level { level name }
        processes { process { id stage name } existence effectiveness score level { level name } }
      }
      weakest { process { id stage name } score level { level name } }
    }
  }
`);
export type Assessment = ResultOf<typeof AssessmentFields>;
export type Audit = Assessment['audit'];

/**
 * The catalogue the questionnaire rates, the history (newest first, each with its overall
 * result) and the latest assessment in full. Full audits are read one at a time: thirty in one
 * query would pass the api's cost limit.
 */
export const MaturityQuery = graphql(
  `
  query Maturity {
    maturityProcessCatalogue { id stage name }
    maturityAssessments(first: 30) {
      id note assessedAt
      audit { overallScore overallLevel { level name } }
    }
    latestMaturityAssessment { ...AssessmentFields }
  }
`,
  [AssessmentFields],
);
export type MaturityData = ResultOf<typeof MaturityQuery>;
export type HistoryEntry = MaturityData['maturityAssessments'][number];
export type CatalogueProcess = MaturityData['maturityProcessCatalogue'][number];

/** One earlier assessment in full, picked from the history. */
export const MaturityAssessmentQuery = graphql(
  `
  query MaturityAssessment($id: ID!) {
    maturityAssessment(id: $id) { ...AssessmentFields }
  }
`,
  [AssessmentFields],
);

export const RecordMaturityAssessmentMutation = graphql(`
  mutation RecordMaturityAssessment($input: RecordMaturityAssessmentInput!) {
    recordMaturityAssessment(input: $input) { id }
  }
`);
