import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, uploadImport } from '../support/data-imports.js';
import { type Caller, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const CSV = [
  'Id;First;Last;Email;Phone;Country;Tags;Tier;Consent',
  'c-1;Ana;Ruiz;Ana@Example.com;600 111 222;ES;vip,beta;gold;yes',
  'c-2;Luis;Paz;not-an-email;;MX;;;',
  'c-3;Olga;Ivanova;olga@example.com;12;RU;;;',
  'c-4;Tom;Lee;tom@example.com;+1 415 555 2671;US;;platinum;',
  'c-1;Ana;Again;ana2@example.com;;ES;;;',
  ';Eva;Sol;eva@example.com;;ES;;silver;no',
].join('\r\n');
const MAPPING = [
  { column: 'Id', field: 'externalId' },
  { column: 'First', field: 'firstName' },
  { column: 'Last', field: 'lastName' },
  { column: 'Email', field: 'emails' },
  { column: 'Phone', field: 'phones' },
  { column: 'Country', field: 'country' },
  { column: 'Tags', field: 'tags' },
  { column: 'Tier', field: 'custom.tier' },
  { column: 'Consent', field: 'emailConsent' },
];
const LIST = `query { contacts(first: 20, sort: { field: LAST_NAME, direction: ASC }) { totalCount
  edges { node { externalId displayName emails phones country tags customFields { key value } emailConsent { granted source } updatedAt } } } }`;

describe('contacts through the CSV import (the contacts ImportTarget)', () => {
  const suite = useSuite();
  let agent: Caller;

  beforeAll(async () => {
    const owner = await signIn(suite.api.graphqlUrl, suite.world.users.aOWNER.email, PASSWORD);
    await gql(
      suite.api.graphqlUrl,
      'mutation { defineCustomField(input: { entity: CONTACT, key: "tier", label: "Tier", type: ONE_OF, options: ["gold", "silver"] }) { id } }',
      {},
      { token: owner.accessToken, tenantId: suite.world.tenants.a },
    );
    const session = await signIn(suite.api.graphqlUrl, suite.world.users.aAGENT.email, PASSWORD);
    agent = { token: session.accessToken, tenantId: suite.world.tenants.a };
  });

  const importCsv = async (csv: string, dryRun = false) => {
    const uploaded = await uploadImport(suite.api.url, agent, 'CONTACTS', 'contacts.csv', csv);
    if (!uploaded.id) throw new Error(JSON.stringify(uploaded));
    return runImport(suite.api.graphqlUrl, agent, uploaded.id, { mapping: MAPPING, dryRun });
  };
  const list = async () => {
    const response = await gql<{
      contacts: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(suite.api.graphqlUrl, LIST, {}, agent);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.contacts;
  };

  it('names the field of every bad row, writes the rest, and changes nothing when run again', async () => {
    const dry = await importCsv(CSV, true);
    expect(dry).toMatchObject({ state: 'SUCCEEDED', failedRows: 4 });
    expect((await list())?.totalCount).toBe(0);

    const first = await importCsv(CSV);
    expect(first).toMatchObject({ state: 'SUCCEEDED', importedRows: 2, failedRows: 4 });
    const problems = first.errors?.edges.map(({ node }) => [node.rowNumber, node.field]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [2, 'emails'],
        [3, 'phones'],
        [4, 'custom.tier'],
        [5, 'externalId'],
      ]),
    );
    const written = await list();
    expect(written?.edges.map(({ node }) => node)).toEqual([
      expect.objectContaining({
        externalId: 'c-1',
        displayName: 'Ana Ruiz',
        emails: ['ana@example.com'],
        phones: ['+34600111222'],
        tags: ['vip', 'beta'],
        customFields: [{ key: 'tier', value: 'gold' }],
        emailConsent: { granted: true, source: 'IMPORT' },
      }),
      expect.objectContaining({
        externalId: null,
        displayName: 'Eva Sol',
        emailConsent: { granted: false, source: 'IMPORT' },
      }),
    ]);

    const again = await importCsv(CSV);
    expect(again).toMatchObject({ importedRows: 2, failedRows: 4 });
    expect(await list()).toEqual(written);
  });

  it('updates the contact with the external id, else the one with the email', async () => {
    const csv = [
      'Id;First;Last;Email;Phone;Country;Tags;Tier;Consent',
      'c-1;Ana;Ruiz Gil;;;;;;',
      ';Eva;Sol;eva@example.com;;ES;new;;',
    ].join('\n');
    const run = await importCsv(csv);
    expect(run).toMatchObject({ importedRows: 2, failedRows: 0 });
    const contacts = (await list())?.edges.map(({ node }) => node);
    expect(contacts).toHaveLength(2);
    expect(contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          externalId: 'c-1',
          displayName: 'Ana Ruiz Gil',
          emails: ['ana@example.com'],
        }),
        expect.objectContaining({ displayName: 'Eva Sol', tags: ['new'] }),
      ]),
    );
  });
});
