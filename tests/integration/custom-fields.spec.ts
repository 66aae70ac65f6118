import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Caller,
  errorCodes,
  type GraphQLResponse,
  gql,
  signIn,
} from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const DEFINITION = 'id entity key label type options required position';
const LIST = `query($entity: CustomFieldEntity!) { customFieldDefinitions(entity: $entity) { ${DEFINITION} } }`;
const DEFINE = `mutation($input: DefineCustomFieldInput!) { defineCustomField(input: $input) { ${DEFINITION} } }`;
const UPDATE = `mutation($id: ID!, $input: CustomFieldPatchInput!) { updateCustomField(id: $id, input: $input) { ${DEFINITION} } }`;
const DELETE = 'mutation($id: ID!) { deleteCustomField(id: $id) }';
const CREATE_CONTACT =
  'mutation($input: ContactInput!) { createContact(input: $input) { id customFields { key value } } }';
const UPDATE_CONTACT =
  'mutation($id: ID!, $input: ContactPatch!) { updateContact(id: $id, input: $input) { id customFields { key value } } }';

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  ((response.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string }>).map(
    (p) => p.field,
  );

describe('custom fields', () => {
  const suite = useSuite();
  const callers = new Map<string, Caller>();
  const as = (name: keyof World['users']) => callers.get(name) as Caller;
  const call = <T = Record<string, unknown>>(
    caller: Caller,
    document: string,
    variables: Record<string, unknown> = {},
  ) => gql<T>(suite.api.graphqlUrl, document, variables, caller);

  beforeAll(async () => {
    for (const user of ['aVIEWER', 'aAGENT', 'aMANAGER', 'aOWNER'] as const) {
      const { accessToken } = await signIn(
        suite.api.graphqlUrl,
        suite.world.users[user].email,
        PASSWORD,
      );
      callers.set(user, { token: accessToken, tenantId: suite.world.tenants.a });
    }
  });

  it('lets only owners define fields, with slug keys, typed options and unique keys', async () => {
    const input = {
      entity: 'CONTACT',
      key: 'plan',
      label: 'Plan',
      type: 'ONE_OF',
      options: ['free', 'pro'],
    };
    for (const role of ['aVIEWER', 'aAGENT', 'aMANAGER'] as const)
      expect(errorCodes(await call(as(role), DEFINE, { input }))).toEqual(['FORBIDDEN']);
    const plan = await call<{ defineCustomField: { id: string } }>(as('aOWNER'), DEFINE, { input });
    expect(plan.data?.defineCustomField).toMatchObject({
      key: 'plan',
      options: ['free', 'pro'],
      required: false,
      position: 0,
    });
    expect(errorCodes(await call(as('aOWNER'), DEFINE, { input }))).toEqual(['CONFLICT']);
    expect(
      fieldsOf(await call(as('aOWNER'), DEFINE, { input: { ...input, key: 'Bad Key' } })),
    ).toEqual(['input.key']);
    expect(
      fieldsOf(
        await call(as('aOWNER'), DEFINE, { input: { ...input, key: 'plan2', options: [] } }),
      ),
    ).toEqual(['input.options']);
    expect(
      fieldsOf(
        await call(as('aOWNER'), DEFINE, {
          input: { ...input, key: 'since', type: 'DATE', options: ['x'] },
        }),
      ),
    ).toEqual(['input.options']);
    const company = await call(as('aOWNER'), DEFINE, { input: { ...input, entity: 'COMPANY' } });
    expect(company.errors).toBeUndefined();
    const since = await call(as('aOWNER'), DEFINE, {
      input: { entity: 'CONTACT', key: 'since', label: 'Since', type: 'DATE' },
    });
    expect(since.data?.defineCustomField).toMatchObject({ position: 1 });
    const listed = await call<{ customFieldDefinitions: { key: string }[] }>(as('aVIEWER'), LIST, {
      entity: 'CONTACT',
    });
    expect(listed.data?.customFieldDefinitions.map((field) => field.key)).toEqual([
      'plan',
      'since',
    ]);

    const id = plan.data?.defineCustomField.id;
    expect(errorCodes(await call(as('aAGENT'), UPDATE, { id, input: { label: 'x' } }))).toEqual([
      'FORBIDDEN',
    ]);
    const renamed = await call(as('aOWNER'), UPDATE, {
      id,
      input: { label: 'Subscription', options: ['free', 'pro', 'team'] },
    });
    expect(renamed.data?.updateCustomField).toMatchObject({
      label: 'Subscription',
      options: ['free', 'pro', 'team'],
    });
  });

  it('checks contact values on every write: type, options and required', async () => {
    const define = (input: Record<string, unknown>) =>
      call(as('aOWNER'), DEFINE, { input: { entity: 'CONTACT', ...input } });
    await define({ key: 'vip', label: 'VIP', type: 'BOOLEAN' });
    await define({ key: 'budget', label: 'Budget', type: 'NUMBER' });
    const refused = await call(as('aAGENT'), CREATE_CONTACT, {
      input: {
        firstName: 'Typed',
        customFields: [
          { key: 'vip', value: 'perhaps' },
          { key: 'budget', value: '1e9' },
          { key: 'since', value: '2026-02-30' },
          { key: 'plan', value: 'gold' },
        ],
      },
    });
    expect(fieldsOf(refused).sort()).toEqual(
      [
        'input.customFields.budget',
        'input.customFields.plan',
        'input.customFields.since',
        'input.customFields.vip',
      ].sort(),
    );
    const made = await call<{ createContact: { id: string; customFields: unknown } }>(
      as('aAGENT'),
      CREATE_CONTACT,
      {
        input: {
          firstName: 'Typed',
          customFields: [
            { key: 'vip', value: 'YES' },
            { key: 'budget', value: '-0012.3400' },
            { key: 'since', value: '2024-02-29' },
            { key: 'plan', value: 'team' },
          ],
        },
      },
    );
    expect(made.data?.createContact.customFields).toEqual([
      { key: 'vip', value: 'true' },
      { key: 'plan', value: 'team' },
      { key: 'since', value: '2024-02-29' },
      { key: 'budget', value: '-12.34' },
    ]);
    const contactId = made.data?.createContact.id;

    const required = await define({ key: 'region', label: 'Region', type: 'TEXT', required: true });
    const regionId = (required.data as { defineCustomField: { id: string } }).defineCustomField.id;
    expect(
      fieldsOf(await call(as('aAGENT'), CREATE_CONTACT, { input: { firstName: 'No region' } })),
    ).toEqual(['input.customFields.region']);
    const cleared = await call(as('aAGENT'), UPDATE_CONTACT, {
      id: contactId,
      input: {
        customFields: [
          { key: 'plan', value: null },
          { key: 'region', value: 'North' },
        ],
      },
    });
    expect(cleared.data?.updateContact).toMatchObject({
      customFields: [
        { key: 'vip', value: 'true' },
        { key: 'since', value: '2024-02-29' },
        { key: 'budget', value: '-12.34' },
        { key: 'region', value: 'North' },
      ],
    });
    expect((await call(as('aOWNER'), DELETE, { id: regionId })).data).toEqual({
      deleteCustomField: true,
    });
    const after = await call<{ contact: { customFields: { key: string }[] } }>(
      as('aVIEWER'),
      'query($id: ID!) { contact(id: $id) { customFields { key value } } }',
      { id: contactId },
    );
    expect(after.data?.contact.customFields.map((field) => field.key)).not.toContain('region');
  });
});
