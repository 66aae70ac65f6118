import { graphql, type ResultOf } from '../../graphql.js';

export const DataImportSummaryFields = graphql(`
  fragment DataImportSummaryFields on DataImport {
    id
    entity
    fileName
    state
    dryRun
    totalRows
    processedRows
    importedRows
    failedRows
    failure
    createdAt
    finishedAt
  }
`);

export const DataImportFields = graphql(
  `
  fragment DataImportFields on DataImport {
    ...DataImportSummaryFields
    byteSize
    encoding
    delimiter
    headers
    sampleRows
    warnings
    mapping { column field }
    fields { key label required type }
  }
`,
  [DataImportSummaryFields],
);

export type DataImportSummary = ResultOf<typeof DataImportSummaryFields>;
export type DataImport = ResultOf<typeof DataImportFields>;
export type ImportField = DataImport['fields'][number];
export type ImportEntity = DataImport['entity'];
export type DataImportState = DataImport['state'];

export const IMPORT_ENTITIES: readonly ImportEntity[] = [
  'CONTACTS',
  'COMPANIES',
  'ORDERS',
  'ENGAGEMENT_EVENTS',
  'REFERRALS',
];

/** A run is on its way: follow it until it ends. */
export const isRunning = (state: DataImportState) => state === 'QUEUED' || state === 'RUNNING';

export const DataImportQuery = graphql(
  `
  query DataImport($id: ID!, $errorsFirst: Int!, $errorsAfter: String) {
    dataImport(id: $id) {
      ...DataImportFields
      errors(first: $errorsFirst, after: $errorsAfter) {
        totalCount
        pageInfo { endCursor hasNextPage }
        edges { node { id rowNumber line column field message } }
      }
    }
  }
`,
  [DataImportFields],
);

export type DataImportRowError = NonNullable<
  ResultOf<typeof DataImportQuery>['dataImport']
>['errors']['edges'][number]['node'];

export const DataImportsQuery = graphql(
  `
  query DataImports($first: Int!, $after: String) {
    dataImports(first: $first, after: $after) {
      edges { node { ...DataImportSummaryFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [DataImportSummaryFields],
);

export const ImportMappingsQuery = graphql(`
  query ImportMappings($entity: ImportEntity!) {
    importMappings(entity: $entity) { id name updatedAt mapping { column field } }
  }
`);

export type ImportMapping = ResultOf<typeof ImportMappingsQuery>['importMappings'][number];

export const StartDataImportMutation = graphql(
  `
  mutation StartDataImport($id: ID!, $input: StartDataImportInput!) {
    startDataImport(id: $id, input: $input) { ...DataImportFields }
  }
`,
  [DataImportFields],
);
