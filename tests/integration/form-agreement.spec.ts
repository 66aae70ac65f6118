import {
  type RefusedInput,
  refusedApiKeyInputs,
  refusedBrandInputs,
  refusedConnectorInputs,
  refusedInvitationInputs,
  refusedWorkspaceInputs,
} from '@socialcrm/validation/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

/**
 * The api's half of the form agreement: each bad value the admin's forms refuse (their
 * component tests type the same table) is refused here too, naming the same field and reason.
 */
describe('the api refuses what the admin forms refuse', () => {
  const suite = useSuite();
  let owner: { token: string; tenantId: string };
  let agencyAdmin: { token: string };

  beforeAll(async () => {
    const session = await signIn(suite.api.graphqlUrl, suite.world.users.aOWNER.email, PASSWORD);
    owner = { token: session.accessToken, tenantId: suite.world.tenants.a };
    const admin = await signIn(suite.api.graphqlUrl, suite.world.users.northAdmin.email, PASSWORD);
    agencyAdmin = { token: admin.accessToken };
  });

  async function problemOf(
    mutation: string,
    input: unknown,
    auth: { token: string; tenantId?: string },
  ) {
    const response = await gql(suite.api.graphqlUrl, mutation, { input }, auth);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = (response.errors?.[0]?.extensions?.fields ?? []) as Array<{
      field: string;
      reason?: string;
    }>;
    return fields.map(({ field, reason }) => ({ field, reason }));
  }

  const expected = (refused: RefusedInput) => [
    { field: `input.${refused.field}`, reason: refused.reason },
  ];

  it.each(refusedBrandInputs)('a brand with $title', async (refused) => {
    const mutation = 'mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }';
    expect(await problemOf(mutation, refused.input, owner)).toEqual(expected(refused));
  });

  it.each(refusedConnectorInputs)('a connector with $title', async (refused) => {
    const mutation =
      'mutation($input: CreateConnectorInput!) { createConnector(input: $input) { connector { id } } }';
    expect(await problemOf(mutation, refused.input, owner)).toEqual(expected(refused));
  });

  it.each(refusedWorkspaceInputs)('a workspace with $title', async (refused) => {
    const mutation = 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }';
    const input = { agencyId: suite.world.agencies.north, ...refused.input };
    expect(await problemOf(mutation, input, agencyAdmin)).toEqual(expected(refused));
  });

  it.each(refusedInvitationInputs)('an invitation with $title', async (refused) => {
    const mutation =
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }';
    expect(await problemOf(mutation, refused.input, owner)).toEqual(expected(refused));
  });

  it.each(refusedApiKeyInputs)('an API key with $title', async (refused) => {
    const mutation =
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }';
    expect(await problemOf(mutation, refused.input, owner)).toEqual(expected(refused));
  });
});
