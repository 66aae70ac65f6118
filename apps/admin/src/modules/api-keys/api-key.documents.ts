import { graphql } from '../../graphql.js';

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys { id name prefix role createdAt lastUsedAt revokedAt }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey { id name prefix role createdAt lastUsedAt revokedAt }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { id revokedAt }
  }
`);
