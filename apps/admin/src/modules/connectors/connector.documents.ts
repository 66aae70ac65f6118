import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';

export const ConnectorFields = graphql(`
  fragment ConnectorFields on Connector {
    id
    kind
    name
    status
    hasSecret
    settings { channel feedUrl pollIntervalSeconds baseUrl stream hashtag }
    lastSuccessAt
    lastError
    lastErrorAt
    consecutiveFailures
    nextPollAt
    webhookUrl
    createdAt
    updatedAt
  }
`);

export const ConnectorsQuery = graphql(
  `
  query Connectors {
    connectors { ...ConnectorFields }
  }
`,
  [ConnectorFields],
);

export const CreateConnectorMutation = graphql(
  `
  mutation CreateConnector($input: CreateConnectorInput!) {
    createConnector(input: $input) {
      connector { ...ConnectorFields }
      verifyToken
    }
  }
`,
  [ConnectorFields],
);

export const UpdateConnectorMutation = graphql(
  `
  mutation UpdateConnector($id: ID!, $input: UpdateConnectorInput!) {
    updateConnector(id: $id, input: $input) { ...ConnectorFields }
  }
`,
  [ConnectorFields],
);

export const DeleteConnectorMutation = graphql(`
  mutation DeleteConnector($id: ID!) {
    deleteConnector(id: $id)
  }
`);

export const PollConnectorNowMutation = graphql(
  `
  mutation PollConnectorNow($id: ID!) {
    pollConnectorNow(id: $id) { ...ConnectorFields }
  }
`,
  [ConnectorFields],
);

export type Connector = ResultOf<typeof ConnectorFields>;
export type ConnectorKind = Connector['kind'];
export type CreateConnectorInput = VariablesOf<typeof CreateConnectorMutation>['input'];
export type UpdateConnectorInput = VariablesOf<typeof UpdateConnectorMutation>['input'];
