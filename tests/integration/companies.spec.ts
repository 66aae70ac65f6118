import { beforeAll, describe, expect, it } from 'vitest';
import { insertContacts } from '../support/customer-records.js';
import { runImport, uploadImport } from '../support/data-imports.js';
import {
  type Caller,
  errorCodes,
  type GraphQLResponse,
  gql,
  signIn,
} from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const COMPANY_FIELDS =
  'id name domain industry size externalId customFields { key value } contactCount';
const CREATE = `mutation($input: CompanyInput!) { createCompany(input: $input) { ${COMPANY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: CompanyPatch!) { updateCompany(id: $id, input: $input) { ${COMPANY_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $search: String, $sort: CompanySort) {
  companies(first: $first, after: $after, search: $search, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name domain } }
  }
}`;
const LINK =
  'mutation($contactId: ID!, $companyId: ID!, $role: String) { linkContactToCompany(contactId: $contactId, companyId: $companyId, role: $role) { id companies { company { id name } role } } }';
const UNLINK =
  'mutation($contactId: ID!, $companyId: ID!) { unlinkContactFromCompany(contactId: $contactId, companyId: $companyId) { id companies { company { id } role } } }';
const EDITS =
  'query($id: ID!) { contactTimeline(contactId: $id, filter: { kinds: [EDIT] }) { edges { node { kind cause subjectId data actor { id email } } } } }';

interface Company {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  size: string | null;
  externalId: string | null;
  customFields: Array<{ key: string; value: string | null }>;
  contactCount: number;
}

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? [])
    .flatMap((error) => (error.extensions?.fields as Array<{ field: string }>) ?? [])
    .map((p) => p.field);

let sequence = 0;
const unique = (prefix: string) => `${prefix}${++sequence}x${Date.now().toString(36)}`;

describe('companies', () => {
  const suite = useSuite();
  const callers: Record<'owner' | 'manager' | 'agent' | 'viewer', Caller> = {
    owner: {},
    manager: {},
    agent: {},
    viewer: {},
  };
  const call = <T>(query: string, variables: Record<string, unknown>, caller = callers.agent) =>
    gql<T>(suite.api.graphqlUrl, query, variables, caller);
  const create = async (input: Record<string, unknown>, caller = callers.agent) =>
    call<{ createCompany: Company }>(CREATE, { input }, caller);
  const created = async (input: Record<string, unknown>) => {
    const response = await create(input);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.createCompany;
  };
  const contacts = (...names: string[]) =>
    insertContacts(suite.databaseUrl, suite.world.tenants.a, names);

  beforeAll(async () => {
    const { api, world } = suite;
    const session = async (email: string) => ({
      token: (await signIn(api.graphqlUrl, email, PASSWORD)).accessToken,
      tenantId: world.tenants.a,
    });
    callers.owner = await session(world.users.aOWNER.email);
    callers.manager = await session(world.users.aMANAGER.email);
    callers.agent = await session(world.users.aAGENT.email);
    callers.viewer = await session(world.users.aVIEWER.email);
  });

  it('creates, reads, updates and deletes a company, its domain normalised', async () => {
    const company = await created({
      name: '  Acme Corp ',
      domain: 'https://www.ACME-crud.com/about?x=1',
      industry: 'Retail',
      size: 'SIZE_51_200',
      externalId: 'crm-1',
    });
    expect(company).toMatchObject({
      name: 'Acme Corp',
      domain: 'acme-crud.com',
      industry: 'Retail',
      size: 'SIZE_51_200',
      externalId: 'crm-1',
      customFields: [],
      contactCount: 0,
    });
    const read = await call<{ company: Company }>(
      `query($id: ID!) { company(id: $id) { ${COMPANY_FIELDS} } }`,
      {
        id: company.id,
      },
      callers.viewer,
    );
    expect(read.data?.company).toEqual(company);

    const updated = await call<{ updateCompany: Company }>(UPDATE, {
      id: company.id,
      input: { industry: null, domain: 'Acme-Crud.co.uk.' },
    });
    expect(updated.data?.updateCompany).toMatchObject({
      name: 'Acme Corp',
      domain: 'acme-crud.co.uk',
      industry: null,
      size: 'SIZE_51_200',
    });
    const clearedName = await call(UPDATE, { id: company.id, input: { name: null } });
    expect(fieldsOf(clearedName)).toEqual(['input.name']);

    const byAgent = await call(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: company.id });
    expect(errorCodes(byAgent)).toEqual(['FORBIDDEN']);
    const deleted = await call(
      `mutation($id: ID!) { deleteCompany(id: $id) }`,
      { id: company.id },
      callers.manager,
    );
    expect(deleted.data).toEqual({ deleteCompany: true });
    const gone = await call(`query($id: ID!) { company(id: $id) { id } }`, { id: company.id });
    expect(errorCodes(gone)).toEqual(['NOT_FOUND']);
  });

  it('refuses a domain another company has as a CONFLICT naming the domain, and a bad one as bad input', async () => {
    const first = await created({ name: 'First', domain: 'dup-domain.io' });
    const clash = await create({ name: 'Second', domain: 'HTTPS://WWW.Dup-Domain.io/' });
    expect(errorCodes(clash)).toEqual(['CONFLICT']);
    expect(fieldsOf(clash)).toEqual(['input.domain']);
    expect(JSON.stringify(clash.errors)).not.toMatch(
      /duplicate key|company_domain_key|constraint/i,
    );

    const other = await created({ name: 'Other', domain: 'other-domain.io' });
    const moved = await call(UPDATE, { id: other.id, input: { domain: 'www.dup-domain.io' } });
    expect(errorCodes(moved)).toEqual(['CONFLICT']);
    expect(fieldsOf(moved)).toEqual(['input.domain']);

    const externalClash = await create({ name: 'Third', externalId: 'same-ext' });
    expect(externalClash.errors).toBeUndefined();
    expect(fieldsOf(await create({ name: 'Fourth', externalId: 'same-ext' }))).toEqual([
      'input.externalId',
    ]);

    const bad = await create({ name: 'Bad', domain: 'not a domain' });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(bad)).toEqual(['input.domain']);
    expect(first.domain).toBe('dup-domain.io');
  });

  it('checks company custom fields on every write', async () => {
    const defined = await call(
      'mutation { defineCustomField(input: { entity: COMPANY, key: "employees_exact", label: "Employees", type: NUMBER }) { key } }',
      {},
      callers.owner,
    );
    expect(defined.errors).toBeUndefined();
    const wrong = await create({
      name: 'Numbers',
      customFields: [{ key: 'employees_exact', value: 'many' }],
    });
    expect(fieldsOf(wrong)).toEqual(['input.customFields.employees_exact']);
    const unknown = await create({ name: 'Numbers', customFields: [{ key: 'nope', value: '1' }] });
    expect(fieldsOf(unknown)).toEqual(['input.customFields.nope']);
    const company = await created({
      name: 'Numbers',
      customFields: [{ key: 'employees_exact', value: '120' }],
    });
    expect(company.customFields).toEqual([{ key: 'employees_exact', value: '120' }]);
    const renamed = await call<{ updateCompany: Company }>(UPDATE, {
      id: company.id,
      input: { name: 'Numbers Inc' },
    });
    expect(renamed.data?.updateCompany.customFields).toEqual([
      { key: 'employees_exact', value: '120' },
    ]);
    const cleared = await call<{ updateCompany: Company }>(UPDATE, {
      id: company.id,
      input: { customFields: [{ key: 'employees_exact', value: null }] },
    });
    expect(cleared.data?.updateCompany.customFields).toEqual([]);
  });

  it('lists companies by name or newest, searched by name or domain, a keyset page at a time', async () => {
    const tag = unique('lst');
    const names = ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo'].map((name) => `${tag} ${name}`);
    for (const [index, name] of names.entries())
      await created({ name, domain: `${tag}-${index}.example` });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: GraphQLResponse<{
        companies: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ node: { name: string } }>;
        };
      }> = await call(LIST, { first: 2, after, search: tag }, callers.viewer);
      const connection = page.data?.companies;
      if (!connection) throw new Error(JSON.stringify(page.errors));
      expect(connection.totalCount).toBe(5);
      seen.push(...connection.edges.map((edge) => edge.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const byName = await call<{ companies: { edges: Array<{ node: { name: string } }> } }>(
      LIST,
      { first: 10, search: tag },
      callers.viewer,
    );
    expect(seen).toEqual(byName.data?.companies.edges.map((edge) => edge.node.name));
    expect(new Set(seen)).toEqual(new Set(names));
    expect(seen).toHaveLength(5);

    const newest = await call<{ companies: { edges: Array<{ node: { name: string } }> } }>(
      LIST,
      { first: 10, search: tag, sort: { field: 'CREATED_AT' } },
      callers.viewer,
    );
    expect(newest.data?.companies.edges.map((edge) => edge.node.name)).toEqual(
      [...names].reverse(),
    );

    const byDomain = await call<{
      companies: { totalCount: number; edges: Array<{ node: { domain: string } }> };
    }>(LIST, { search: `${tag}-3.EXAMPLE` }, callers.viewer);
    expect(byDomain.data?.companies.edges.map((edge) => edge.node.domain)).toEqual([
      `${tag}-3.example`,
    ]);
    const wildcard = await call<{ companies: { totalCount: number } }>(
      LIST,
      { search: '%' },
      callers.viewer,
    );
    expect(wildcard.data?.companies.totalCount).toBe(0);
  });

  it('links a contact with a role, changes the role and unlinks, each on the contact’s timeline', async () => {
    const [contactId] = await contacts('Linda Link');
    const company = await created({ name: 'Linkers', domain: `${unique('linkers')}.com` });
    const linked = await call<{ linkContactToCompany: { companies: unknown[] } }>(LINK, {
      contactId,
      companyId: company.id,
      role: ' Buyer ',
    });
    expect(linked.data?.linkContactToCompany.companies).toEqual([
      { company: { id: company.id, name: 'Linkers' }, role: 'Buyer' },
    ]);
    const again = await call(LINK, { contactId, companyId: company.id, role: 'Buyer' });
    expect(again.errors).toBeUndefined();
    await call(LINK, { contactId, companyId: company.id, role: 'CTO' });
    const count = await call<{ company: { contactCount: number } }>(
      'query($id: ID!) { company(id: $id) { contactCount } }',
      { id: company.id },
    );
    expect(count.data?.company.contactCount).toBe(1);
    const unlinked = await call<{ unlinkContactFromCompany: { companies: unknown[] } }>(UNLINK, {
      contactId,
      companyId: company.id,
    });
    expect(unlinked.data?.unlinkContactFromCompany.companies).toEqual([]);
    expect((await call(UNLINK, { contactId, companyId: company.id })).errors).toBeUndefined();

    const edits = await call<{
      contactTimeline: {
        edges: Array<{
          node: { cause: string; subjectId: string; data: string; actor: { id: string } };
        }>;
      };
    }>(EDITS, { id: contactId }, callers.viewer);
    const entries = edits.data?.contactTimeline.edges.map(({ node }) => ({
      ...node,
      data: JSON.parse(node.data),
    }));
    const agent = suite.world.users.aAGENT;
    const company_ = { id: company.id, name: 'Linkers' };
    expect(entries).toEqual([
      {
        kind: 'EDIT',
        cause: 'USER',
        subjectId: company.id,
        actor: { id: agent.id, email: agent.email },
        data: { change: 'COMPANY_UNLINKED', company: company_, role: 'CTO' },
      },
      {
        kind: 'EDIT',
        cause: 'USER',
        subjectId: company.id,
        actor: { id: agent.id, email: agent.email },
        data: {
          change: 'COMPANY_ROLE_CHANGED',
          company: company_,
          role: 'CTO',
          previousRole: 'Buyer',
        },
      },
      {
        kind: 'EDIT',
        cause: 'USER',
        subjectId: company.id,
        actor: { id: agent.id, email: agent.email },
        data: { change: 'COMPANY_LINKED', company: company_, role: 'Buyer' },
      },
    ]);

    const missing = await call(LINK, {
      contactId,
      companyId: '00000000-0000-7000-8000-000000000000',
    });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    const badId = await call(LINK, { contactId: 'nope', companyId: company.id });
    expect(fieldsOf(badId)).toEqual(['contactId']);
  });

  it('answers a company’s people with their roles a page at a time, and every listed contact’s companies', async () => {
    const tag = unique('people');
    const ids = await contacts(`${tag} Ana`, `${tag} Bea`, `${tag} Cai`);
    const north = await created({ name: `${tag} North` });
    const south = await created({ name: `${tag} South` });
    for (const [index, contactId] of ids.entries())
      await call(LINK, { contactId, companyId: north.id, role: `role ${index}` });
    await call(LINK, { contactId: ids[0], companyId: south.id, role: 'Advisor' });

    const PEOPLE = `query($id: ID!, $after: String) { company(id: $id) { contactCount
      contacts(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { role contact { id displayName } } } } } }`;
    type People = {
      company: {
        contactCount: number;
        contacts: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ node: { role: string; contact: { id: string; displayName: string } } }>;
        };
      };
    };
    const first = await call<People>(PEOPLE, { id: north.id }, callers.viewer);
    expect(first.data?.company.contactCount).toBe(3);
    expect(first.data?.company.contacts.pageInfo.hasNextPage).toBe(true);
    const second = await call<People>(
      PEOPLE,
      { id: north.id, after: first.data?.company.contacts.pageInfo.endCursor },
      callers.viewer,
    );
    expect(second.data?.company.contacts.pageInfo.hasNextPage).toBe(false);
    const people = [
      ...(first.data?.company.contacts.edges ?? []),
      ...(second.data?.company.contacts.edges ?? []),
    ];
    expect(people.map(({ node }) => [node.contact.displayName, node.role])).toEqual([
      [`${tag} Ana`, 'role 0'],
      [`${tag} Bea`, 'role 1'],
      [`${tag} Cai`, 'role 2'],
    ]);

    // A list of companies asking each one's people, and a list of contacts asking each one's companies.
    const listed = await call<{
      companies: {
        edges: Array<{
          node: { name: string; contactCount: number; contacts: { edges: unknown[] } };
        }>;
      };
    }>(
      `query($search: String) { companies(search: $search) { edges { node { name contactCount contacts(first: 5) { edges { cursor } } } } } }`,
      { search: tag },
      callers.viewer,
    );
    expect(listed.errors).toBeUndefined();
    expect(
      listed.data?.companies.edges.map(({ node }) => [
        node.name,
        node.contactCount,
        node.contacts.edges.length,
      ]),
    ).toEqual([
      [`${tag} North`, 3, 3],
      [`${tag} South`, 1, 1],
    ]);
    const contactList = await call<{
      contacts: {
        edges: Array<{
          node: { id: string; companies: Array<{ company: { name: string }; role: string }> };
        }>;
      };
    }>(
      `query($search: String) { contacts(first: 50, search: $search) { edges { node { id companies { company { name } role } } } } }`,
      { search: tag },
      callers.viewer,
    );
    const companiesOf = new Map(
      contactList.data?.contacts.edges.map(({ node }) => [
        node.id,
        node.companies.map((c) => `${c.company.name}:${c.role}`),
      ]),
    );
    expect(companiesOf.get(ids[0] as string)).toEqual([
      `${tag} North:role 0`,
      `${tag} South:Advisor`,
    ]);
    expect(companiesOf.get(ids[1] as string)).toEqual([`${tag} North:role 1`]);
    expect(companiesOf.get(ids[2] as string)).toEqual([`${tag} North:role 2`]);
  });

  it('records on each member’s timeline that a deleted company no longer has them', async () => {
    const [contactId] = await contacts('Dora Deleted');
    const company = await created({ name: 'Gone Ltd' });
    await call(LINK, { contactId, companyId: company.id, role: 'Owner' });
    await call(
      `mutation($id: ID!) { deleteCompany(id: $id) }`,
      { id: company.id },
      callers.manager,
    );
    const edits = await call<{ contactTimeline: { edges: Array<{ node: { data: string } }> } }>(
      EDITS,
      { id: contactId },
    );
    expect(JSON.parse(edits.data?.contactTimeline.edges[0]?.node.data ?? 'null')).toEqual({
      change: 'COMPANY_DELETED',
      company: { id: company.id, name: 'Gone Ltd' },
      role: 'Owner',
    });
  });

  it('lets a viewer read companies but write nothing', async () => {
    const company = await created({ name: 'Viewer Proof', domain: `${unique('viewer')}.org` });
    const [contactId] = await contacts('Vic Viewer');
    const before = await call<{ companies: { totalCount: number } }>(LIST, {}, callers.viewer);
    const attempts = [
      call(CREATE, { input: { name: 'By viewer' } }, callers.viewer),
      call(UPDATE, { id: company.id, input: { name: 'Renamed by viewer' } }, callers.viewer),
      call(`mutation($id: ID!) { deleteCompany(id: $id) }`, { id: company.id }, callers.viewer),
      call(LINK, { contactId, companyId: company.id, role: 'x' }, callers.viewer),
      call(UNLINK, { contactId, companyId: company.id }, callers.viewer),
    ];
    for (const attempt of await Promise.all(attempts))
      expect(errorCodes(attempt)).toEqual(['FORBIDDEN']);
    const after = await call<{ companies: { totalCount: number } }>(LIST, {}, callers.viewer);
    expect(after.data?.companies.totalCount).toBe(before.data?.companies.totalCount);
    const read = await call<{ company: Company }>(
      `query($id: ID!) { company(id: $id) { ${COMPANY_FIELDS} } }`,
      {
        id: company.id,
      },
      callers.viewer,
    );
    expect(read.data?.company).toEqual(company);
    const timeline = await call<{ contactTimeline: { totalCount: number } }>(
      'query($id: ID!) { contactTimeline(contactId: $id) { totalCount } }',
      { id: contactId },
      callers.viewer,
    );
    expect(timeline.data?.contactTimeline.totalCount).toBe(0);
  });

  it('imports companies from CSV, by external id else by domain, once however often the file comes', async () => {
    const existing = await created({ name: 'Known by domain', domain: 'known-imp.com' });
    const csv = [
      'Ext,Company,Website,Industry,Employees',
      'c-1,Acme Import,https://www.Acme-Imp.com/,Retail,11-50',
      'c-2,Beta Import,beta-imp.com,,SIZE_1_10',
      ',Known by domain,www.known-imp.com,Tech,',
      'c-4,Bad size,bad-imp.com,,lots',
      'c-5,,noname-imp.com,,',
      'c-6,Clash,acme-imp.com,,',
      'c-7,Bad domain,not a domain,,',
    ].join('\r\n');
    const mapping = [
      { column: 'Ext', field: 'externalId' },
      { column: 'Company', field: 'name' },
      { column: 'Website', field: 'domain' },
      { column: 'Industry', field: 'industry' },
      { column: 'Employees', field: 'size' },
    ];
    const run = async (dryRun: boolean) => {
      const upload = await uploadImport(
        suite.api.url,
        callers.agent,
        'COMPANIES',
        'companies.csv',
        csv,
      );
      if (!upload.id) throw new Error(JSON.stringify(upload));
      return runImport(suite.api.graphqlUrl, callers.agent, upload.id, { mapping, dryRun });
    };
    const search = async (text: string) =>
      (
        await call<{
          companies: { edges: Array<{ node: { id: string; name: string; domain: string } }> };
        }>(LIST, { search: text }, callers.viewer)
      ).data?.companies.edges.map(({ node }) => node);

    const dry = await run(true);
    expect(dry).toMatchObject({ state: 'SUCCEEDED', importedRows: 3, failedRows: 4 });
    expect(await search('-imp.com')).toEqual([
      { id: existing.id, name: 'Known by domain', domain: 'known-imp.com' },
    ]);

    const real = await run(false);
    expect(real).toMatchObject({ state: 'SUCCEEDED', importedRows: 3, failedRows: 4 });
    expect(real.errors?.edges.map(({ node }) => [node.rowNumber, node.column])).toEqual([
      [4, 'Employees'],
      [5, 'Company'],
      [6, 'Website'],
      [7, 'Website'],
    ]);
    const imported = async () =>
      (
        await call<{ companies: { edges: Array<{ node: Company & { updatedAt: string } }> } }>(
          `query { companies(search: "-imp.com") { edges { node { ${COMPANY_FIELDS} updatedAt } } } }`,
          {},
          callers.viewer,
        )
      ).data?.companies.edges.map(({ node }) => node);
    const first = await imported();
    expect(
      first?.map(({ name, domain, industry, size, externalId }) => ({
        name,
        domain,
        industry,
        size,
        externalId,
      })),
    ).toEqual([
      {
        name: 'Acme Import',
        domain: 'acme-imp.com',
        industry: 'Retail',
        size: 'SIZE_11_50',
        externalId: 'c-1',
      },
      {
        name: 'Beta Import',
        domain: 'beta-imp.com',
        industry: null,
        size: 'SIZE_1_10',
        externalId: 'c-2',
      },
      {
        name: 'Known by domain',
        domain: 'known-imp.com',
        industry: 'Tech',
        size: null,
        externalId: null,
      },
    ]);
    expect(first?.[2]?.id).toBe(existing.id);

    const again = await run(false);
    expect(again).toMatchObject({ importedRows: 3, failedRows: 4 });
    expect(await imported()).toEqual(first);
  });
});
