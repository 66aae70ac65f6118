import { graphql, type ResultOf } from '../../graphql.js';

export const DataExportFields = graphql(`
  fragment DataExportFields on DataExport {
    id
    entity
    state
    search
    locale
    fileName
    totalRows
    processedRows
    byteSize
    failure
    downloadPath
    createdAt
    finishedAt
  }
`);

export type DataExport = ResultOf<typeof DataExportFields>;
export type ExportEntity = DataExport['entity'];

export const EXPORT_ENTITY_CHOICES: readonly ExportEntity[] = ['CONTACTS', 'COMPANIES', 'ORDERS'];

/** An export still being written: follow it until it ends. */
export const isExportRunning = (state: DataExport['state']) =>
  state === 'QUEUED' || state === 'RUNNING';

export const DataExportsQuery = graphql(
  `
  query DataExports($first: Int!, $after: String) {
    dataExports(first: $first, after: $after) {
      edges { node { ...DataExportFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [DataExportFields],
);

export const StartDataExportMutation = graphql(
  `
  mutation StartDataExport($input: StartDataExportInput!) {
    startDataExport(input: $input) { ...DataExportFields }
  }
`,
  [DataExportFields],
);
