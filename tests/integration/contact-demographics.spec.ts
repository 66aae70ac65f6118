import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type GraphQLResponse, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { id gender birthDate } }`;
const UPDATE = `mutation($id: ID!, $input: ContactPatch!) { updateContact(id: $id, input: $input) { id gender birthDate } }`;
const READ = 'query($id: ID!) { contact(id: $id) { gender birthDate } }';

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).flatMap(
    (error) => (error.extensions?.fields as Array<{ field: string }>) ?? [],
  );

describe('contact gender and birth date', () => {
  const suite = useSuite();
  let agent: Caller = {};

  beforeAll(async () => {
    agent = {
      token: (await signIn(suite.api.graphqlUrl, suite.world.users.aAGENT.email, PASSWORD))
        .accessToken,
      tenantId: suite.world.tenants.a,
    };
  });

  it('stores, changes, keeps and clears them', async () => {
    const created = await gql<{ createContact: { id: string } }>(
      suite.api.graphqlUrl,
      CREATE,
      { input: { firstName: 'Ada', gender: 'female', birthDate: '1985-12-10' } },
      agent,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createContact).toMatchObject({
      gender: 'female',
      birthDate: '1985-12-10',
    });
    const id = created.data?.createContact.id;
    const update = (input: Record<string, unknown>) =>
      gql(suite.api.graphqlUrl, UPDATE, { id, input }, agent);
    const read = async () =>
      (await gql<{ contact: unknown }>(suite.api.graphqlUrl, READ, { id }, agent)).data?.contact;
    expect((await update({ gender: 'non_binary' })).errors).toBeUndefined();
    expect(await read()).toEqual({ gender: 'non_binary', birthDate: '1985-12-10' });
    expect((await update({ city: 'Madrid' })).errors).toBeUndefined();
    expect(await read()).toEqual({ gender: 'non_binary', birthDate: '1985-12-10' });
    expect((await update({ gender: null, birthDate: null })).errors).toBeUndefined();
    expect(await read()).toEqual({ gender: null, birthDate: null });
  });

  it('refuses an unknown gender and a birth date that is not a past date since 1900, by field', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const [input, field] of [
      [{ gender: 'robot' }, 'input.gender'],
      [{ birthDate: '1899-12-31' }, 'input.birthDate'],
      [{ birthDate: tomorrow }, 'input.birthDate'],
      [{ birthDate: '1990-02-30' }, 'input.birthDate'],
      [{ birthDate: '10/12/1985' }, 'input.birthDate'],
    ] as const) {
      const response = await gql(
        suite.api.graphqlUrl,
        CREATE,
        { input: { firstName: 'Bad', ...input } },
        agent,
      );
      expect(fieldsOf(response).map((f) => f.field)).toEqual([field]);
    }
  });
});
