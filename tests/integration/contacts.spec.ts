import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/databases.js';
import {
  type Caller,
  errorCodes,
  type GraphQLResponse,
  gql,
  signIn,
} from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const CONTACT = `id displayName firstName lastName emails phones language country city tags ownerId lifecycleStage
  emailConsent { granted at source } socialConsent { granted at source } customFields { key value }
  identities { id channel handle externalId profileUrl followers } companies { company { id name } role }
  externalId createdAt updatedAt`;
const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { ${CONTACT} } }`;
const UPDATE = `mutation($id: ID!, $input: ContactPatch!) { updateContact(id: $id, input: $input) { ${CONTACT} } }`;
const GET = `query($id: ID!) { contact(id: $id) { ${CONTACT} } }`;
const LIST = `query($first: Int, $after: String, $search: String, $filter: ContactFilter, $sort: ContactSort) {
  contacts(first: $first, after: $after, search: $search, filter: $filter, sort: $sort) {
    totalCount edges { cursor node { id displayName lastName } } pageInfo { hasNextPage endCursor } } }`;
const ADD_IDENTITY = `mutation($id: ID!, $input: SocialIdentityInput!) { addSocialIdentity(contactId: $id, input: $input) { id channel handle externalId profileUrl } }`;
const DEFINE = `mutation($input: DefineCustomFieldInput!) { defineCustomField(input: $input) { id key } }`;

type Contact = Record<string, unknown> & { id: string };
const fieldsOf = (response: GraphQLResponse<unknown>) =>
  ((response.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string }>).map(
    (p) => p.field,
  );

describe('contacts', () => {
  const suite = useSuite();
  const callers = new Map<string, Caller>();
  const as = (name: keyof World['users'], tenant: keyof World['tenants'] = 'a'): Caller =>
    callers.get(`${name}/${tenant}`) as Caller;
  const call = <T = Record<string, unknown>>(
    caller: Caller,
    document: string,
    variables: Record<string, unknown> = {},
  ) => gql<T>(suite.api.graphqlUrl, document, variables, caller);
  const create = async (input: Record<string, unknown>, caller = as('aAGENT')) => {
    const response = await call<{ createContact: Contact }>(caller, CREATE, { input });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.createContact;
  };
  const owner = <T>(work: (db: import('pg').Client) => Promise<T>) =>
    withClient(suite.databaseUrl, work);

  beforeAll(async () => {
    for (const [user, tenant] of [
      ['aAGENT', 'a'],
      ['aMANAGER', 'a'],
      ['aVIEWER', 'a'],
      ['aOWNER', 'a'],
      ['bOwner', 'b'],
    ] as const) {
      const { accessToken } = await signIn(
        suite.api.graphqlUrl,
        suite.world.users[user].email,
        PASSWORD,
      );
      callers.set(`${user}/${tenant}`, {
        token: accessToken,
        tenantId: suite.world.tenants[tenant],
      });
    }
    for (const input of [
      {
        entity: 'CONTACT',
        key: 'tier',
        label: 'Tier',
        type: 'ONE_OF',
        options: ['gold', 'silver'],
      },
      { entity: 'CONTACT', key: 'score', label: 'Score', type: 'NUMBER' },
    ])
      expect((await call(as('aOWNER'), DEFINE, { input })).errors).toBeUndefined();
  });

  it('creates, reads, updates (recording the edit) and deletes a contact', async () => {
    const created = await create({
      firstName: 'Ana',
      lastName: 'Ruiz',
      emails: ['Ana.Ruiz@Example.COM'],
      phones: ['600 111 222', '+1 415 555 2671'],
      language: 'es-ES',
      country: 'es',
      city: 'Sevilla',
      tags: ['vip', 'vip', 'beta'],
      ownerId: suite.world.users.aAGENT.id,
      emailConsent: { granted: true, source: 'web form' },
      customFields: [
        { key: 'tier', value: 'gold' },
        { key: 'score', value: '007.50' },
      ],
      externalId: 'crm-1',
    });
    expect(created).toMatchObject({
      displayName: 'Ana Ruiz',
      emails: ['ana.ruiz@example.com'],
      phones: ['+34600111222', '+14155552671'],
      language: 'es',
      country: 'ES',
      tags: ['vip', 'beta'],
      ownerId: suite.world.users.aAGENT.id,
      lifecycleStage: 'lead',
      emailConsent: { granted: true, source: 'web form' },
      socialConsent: { granted: null, at: null, source: null },
      customFields: [
        { key: 'tier', value: 'gold' },
        { key: 'score', value: '7.5' },
      ],
      externalId: 'crm-1',
    });
    const consentAt = (created.emailConsent as { at: string }).at;
    expect(consentAt).toBeTruthy();
    expect(
      (await call<{ contact: Contact }>(as('aVIEWER'), GET, { id: created.id })).data?.contact,
    ).toEqual(created);

    const updated = await call<{ updateContact: Contact }>(as('aAGENT'), UPDATE, {
      id: created.id,
      input: {
        lastName: 'Ruiz Gil',
        city: null,
        emailConsent: { granted: true, source: 'other' },
        socialConsent: { granted: false },
      },
    });
    expect(updated.data?.updateContact).toMatchObject({
      displayName: 'Ana Ruiz',
      lastName: 'Ruiz Gil',
      city: null,
      emailConsent: { granted: true, at: consentAt, source: 'web form' },
      socialConsent: { granted: false, source: 'USER' },
      phones: ['+34600111222', '+14155552671'],
    });
    const edits = await owner((db) =>
      db.query(
        `SELECT cause, actor_id, data FROM timeline_event WHERE contact_id = $1 AND kind = 'EDIT'`,
        [created.id],
      ),
    );
    expect(edits.rows).toEqual([
      {
        cause: 'USER',
        actor_id: suite.world.users.aAGENT.id,
        data: { fields: ['lastName', 'city', 'socialConsent', 'socialConsentSource'] },
      },
    ]);

    const DELETE = 'mutation($ids: [ID!]!) { deleteContacts(ids: $ids) }';
    expect(errorCodes(await call(as('aAGENT'), DELETE, { ids: [created.id] }))).toEqual([
      'FORBIDDEN',
    ]);
    expect((await call(as('aMANAGER'), DELETE, { ids: [created.id] })).data).toEqual({
      deleteContacts: 1,
    });
    expect(errorCodes(await call(as('aVIEWER'), GET, { id: created.id }))).toEqual(['NOT_FOUND']);
  });

  it('names every refused field, and never stores a phone it cannot read', async () => {
    const refused = await call(as('aAGENT'), CREATE, {
      input: {
        firstName: 'Bad',
        emails: ['not-an-email'],
        phones: ['+34 12', '600111222'],
        language: 'spanish!',
        country: 'XX',
        customFields: [
          { key: 'tier', value: 'bronze' },
          { key: 'score', value: 'many' },
          { key: 'nope', value: '1' },
        ],
        ownerId: suite.world.users.aVIEWER.id,
      },
    });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(refused).sort()).toEqual(
      ['input.country', 'input.emails.0', 'input.language'].sort(),
    );
    // Once the shapes are right, the checks that need the tenant speak: phones, custom fields, owner.
    const second = await call(as('aAGENT'), CREATE, {
      input: {
        firstName: 'Bad',
        phones: ['+34 12', '600111222'],
        customFields: [
          { key: 'tier', value: 'bronze' },
          { key: 'score', value: 'many' },
          { key: 'nope', value: '1' },
        ],
        ownerId: suite.world.users.aVIEWER.id,
      },
    });
    expect(fieldsOf(second).sort()).toEqual(
      [
        'input.customFields.nope',
        'input.customFields.score',
        'input.customFields.tier',
        'input.ownerId',
        'input.phones.0',
        'input.phones.1',
      ].sort(),
    );
    expect(fieldsOf(await call(as('aAGENT'), CREATE, { input: {} }))).toEqual([
      'input.displayName',
    ]);
    const spaniard = await create({ firstName: 'Luz', country: 'ES' });
    const phoned = await call<{ updateContact: Contact }>(as('aAGENT'), UPDATE, {
      id: spaniard.id,
      input: { phones: ['600-111-333'] },
    });
    expect(phoned.data?.updateContact.phones).toEqual(['+34600111333']);
    const taken = await call(as('aAGENT'), CREATE, {
      input: { firstName: 'Twin', externalId: 'dup-1' },
    });
    expect(taken.errors).toBeUndefined();
    const twin = await call(as('aAGENT'), CREATE, {
      input: { firstName: 'Twin', externalId: 'dup-1' },
    });
    expect(errorCodes(twin)).toEqual(['CONFLICT']);
    expect(fieldsOf(twin)).toEqual(['input.externalId']);
  });

  it('keeps an identity with one contact: another contact adding it is a conflict that suggests a merge', async () => {
    const ana = await create({ firstName: 'Ident', lastName: 'One' });
    const other = await create({ firstName: 'Ident', lastName: 'Two' });
    const added = await call<{ addSocialIdentity: Contact }>(as('aAGENT'), ADD_IDENTITY, {
      id: ana.id,
      input: {
        channel: 'INSTAGRAM',
        handle: '@Ident.One',
        profileUrl: 'https://instagram.com/ident.one',
      },
    });
    expect(added.data?.addSocialIdentity).toMatchObject({
      channel: 'INSTAGRAM',
      handle: 'ident.one',
    });
    const byId = await call(as('aAGENT'), ADD_IDENTITY, {
      id: ana.id,
      input: { channel: 'FACEBOOK', externalId: '100200300' },
    });
    expect(byId.data).toMatchObject({
      addSocialIdentity: { handle: '100200300', externalId: '100200300' },
    });

    const clash = await call(as('aAGENT'), ADD_IDENTITY, {
      id: other.id,
      input: { channel: 'INSTAGRAM', handle: 'ident.one' },
    });
    expect(errorCodes(clash)).toEqual(['CONFLICT']);
    expect(fieldsOf(clash)).toEqual(['input.handle']);
    expect(clash.errors?.[0]?.message).toMatch(/merge/);
    const clashById = await call(as('aAGENT'), ADD_IDENTITY, {
      id: other.id,
      input: { channel: 'FACEBOOK', externalId: '100200300' },
    });
    expect(fieldsOf(clashById)).toEqual(['input.externalId']);

    const badUrl = await call(as('aAGENT'), ADD_IDENTITY, {
      id: other.id,
      input: { channel: 'X', handle: 'x', profileUrl: 'javascript:alert(1)' },
    });
    expect(fieldsOf(badUrl)).toEqual(['input.profileUrl']);
    expect(
      fieldsOf(await call(as('aAGENT'), ADD_IDENTITY, { id: other.id, input: { channel: 'X' } })),
    ).toEqual(['input.handle']);

    const identityId = added.data?.addSocialIdentity.id;
    const REMOVE = 'mutation($id: ID!) { removeSocialIdentity(id: $id) }';
    expect((await call(as('aAGENT'), REMOVE, { id: identityId })).data).toEqual({
      removeSocialIdentity: true,
    });
    const moved = await call(as('aAGENT'), ADD_IDENTITY, {
      id: other.id,
      input: { channel: 'INSTAGRAM', handle: 'ident.one' },
    });
    expect(moved.errors).toBeUndefined();
  });

  it('searches names, emails, phones, handles and company names, and follows renames', async () => {
    const found = await create({
      firstName: 'Zoltan',
      lastName: 'Kovacs',
      emails: ['zk@findme.example'],
      phones: ['+36 1 234 5678'],
    });
    await call(as('aAGENT'), ADD_IDENTITY, {
      id: found.id,
      input: { channel: 'TIKTOK', handle: 'dancingzed' },
    });
    const companyId = '01900000-0000-7000-8000-000000000abc';
    await owner(async (db) => {
      await db.query(`INSERT INTO company (tenant_id, id, name) VALUES ($1, $2, 'Acme Widgets')`, [
        suite.world.tenants.a,
        companyId,
      ]);
      await db.query(
        'INSERT INTO contact_company (tenant_id, contact_id, company_id) VALUES ($1, $2, $3)',
        [suite.world.tenants.a, found.id, companyId],
      );
    });
    const search = async (text: string) =>
      (
        await call<{ contacts: { edges: { node: Contact }[] } }>(as('aVIEWER'), LIST, {
          search: text,
        })
      ).data?.contacts.edges.map((edge) => edge.node.id);
    for (const text of [
      'zoltan',
      'KOVACS',
      'findme.example',
      '+3612345678',
      'dancingzed',
      'acme wid',
    ])
      expect(await search(text), text).toEqual([found.id]);
    await owner((db) => db.query(`UPDATE company SET name = 'Globex' WHERE id = $1`, [companyId]));
    expect(await search('acme')).toEqual([]);
    expect(await search('globex')).toEqual([found.id]);
    expect(await search('100%_\\')).toEqual([]);
  });

  it('filters and sorts with keyset pages that neither repeat nor skip', async () => {
    const names = [
      'Pérez',
      'Adams',
      'Zhou',
      'Brown',
      'Brown',
      'Müller',
      'Ng',
      'Olsen',
      'Costa',
      'Diaz',
      'Evans',
      'Fox',
    ];
    const made: Contact[] = [];
    for (const [index, lastName] of names.entries())
      made.push(
        await create({
          firstName: `Page${index}`,
          lastName,
          tags: index % 3 === 0 ? ['paged'] : ['paged', 'third'],
          country: index % 2 ? 'MX' : 'AR',
          customFields: [{ key: 'tier', value: index % 2 ? 'gold' : 'silver' }],
        }),
      );
    const walk = async (variables: Record<string, unknown>) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page += 1) {
        const response: GraphQLResponse<{
          contacts: {
            totalCount: number;
            edges: { node: Contact }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        }> = await call(as('aVIEWER'), LIST, { ...variables, first: 5, after });
        const connection = response.data?.contacts;
        if (!connection) throw new Error(JSON.stringify(response.errors));
        ids.push(...connection.edges.map((edge) => edge.node.id));
        if (!connection.pageInfo.hasNextPage) return { ids, totalCount: connection.totalCount };
        after = connection.pageInfo.endCursor;
      }
      throw new Error('too many pages');
    };
    const byLastName = await walk({
      filter: { tags: ['paged'] },
      sort: { field: 'LAST_NAME', direction: 'ASC' },
    });
    const expected = [...made]
      .sort(
        (a, b) =>
          String(a.lastName).localeCompare(String(b.lastName), 'en') || a.id.localeCompare(b.id),
      )
      .map((contact) => contact.id);
    expect(new Set(byLastName.ids).size).toBe(made.length);
    expect(byLastName.totalCount).toBe(made.length);
    expect(byLastName.ids.map((id) => made.find((c) => c.id === id)?.lastName)).toEqual(
      expected.map((id) => made.find((c) => c.id === id)?.lastName),
    );
    const newest = await walk({ filter: { tags: ['paged'] } });
    expect(newest.ids).toEqual(made.map((contact) => contact.id).reverse());
    const oldestMx = await walk({
      filter: { tags: ['third'], countries: ['mx'], custom: [{ key: 'tier', equals: 'gold' }] },
      sort: { field: 'CREATED_AT', direction: 'ASC' },
    });
    expect(oldestMx.ids).toEqual(
      made.filter((_, index) => index % 3 !== 0 && index % 2 === 1).map((c) => c.id),
    );
    const byName = await walk({
      search: 'page',
      sort: { field: 'DISPLAY_NAME', direction: 'DESC' },
    });
    expect(new Set(byName.ids)).toEqual(new Set(made.map((contact) => contact.id)));
    const badCustom = await call(as('aVIEWER'), LIST, {
      filter: { custom: [{ key: 'score', equals: 'x' }] },
    });
    expect(fieldsOf(badCustom)).toEqual(['filter.custom.0.equals']);
    expect(fieldsOf(await call(as('aVIEWER'), LIST, { after: 'garbage' }))).toEqual(['after']);
  });

  it('tags and assigns in bulk, and a viewer writes nothing', async () => {
    const one = await create({ firstName: 'Bulk', lastName: 'One' });
    const two = await create({ firstName: 'Bulk', lastName: 'Two', tags: ['keep'] });
    const TAG =
      'mutation($ids: [ID!]!, $add: [String!], $remove: [String!]) { tagContacts(ids: $ids, add: $add, remove: $remove) }';
    const ASSIGN =
      'mutation($ids: [ID!]!, $ownerId: ID) { assignContacts(ids: $ids, ownerId: $ownerId) }';
    expect(
      (await call(as('aAGENT'), TAG, { ids: [one.id, two.id], add: ['hot'], remove: ['keep'] }))
        .data,
    ).toEqual({
      tagContacts: 2,
    });
    expect(
      (
        await call(as('aAGENT'), ASSIGN, {
          ids: [one.id, two.id],
          ownerId: suite.world.users.aMANAGER.id,
        })
      ).data,
    ).toEqual({
      assignContacts: 2,
    });
    expect(
      fieldsOf(
        await call(as('aAGENT'), ASSIGN, { ids: [one.id], ownerId: suite.world.users.aVIEWER.id }),
      ),
    ).toEqual(['ownerId']);
    const before = (await call<{ contact: Contact }>(as('aVIEWER'), GET, { id: two.id })).data
      ?.contact;
    expect(before).toMatchObject({ tags: ['hot'], ownerId: suite.world.users.aMANAGER.id });
    const edits = await call<{
      contactTimeline: { edges: Array<{ node: { kind: string; actorId: string; data: string } }> };
    }>(
      as('aVIEWER'),
      'query($id: ID!) { contactTimeline(contactId: $id, filter: { kinds: [EDIT] }) { edges { node { kind actorId data } } } }',
      { id: two.id },
    );
    expect(
      edits.data?.contactTimeline.edges.map(({ node }) => JSON.parse(node.data).fields).sort(),
    ).toEqual([['ownerId'], ['tags']]);
    for (const { node } of edits.data?.contactTimeline.edges ?? [])
      expect(node.actorId).toBe(suite.world.users.aAGENT.id);

    const viewerWrites: [string, Record<string, unknown>][] = [
      [CREATE, { input: { firstName: 'Viewer' } }],
      [UPDATE, { id: two.id, input: { firstName: 'Viewer' } }],
      [TAG, { ids: [two.id], add: ['viewer'] }],
      [ASSIGN, { ids: [two.id], ownerId: null }],
      ['mutation($ids: [ID!]!) { deleteContacts(ids: $ids) }', { ids: [two.id] }],
      [ADD_IDENTITY, { id: two.id, input: { channel: 'X', handle: 'viewer' } }],
      [DEFINE, { input: { entity: 'CONTACT', key: 'viewer', label: 'V', type: 'TEXT' } }],
    ];
    for (const [document, variables] of viewerWrites)
      expect(errorCodes(await call(as('aVIEWER'), document, variables)), document).toEqual([
        'FORBIDDEN',
      ]);
    expect(
      (await call<{ contact: Contact }>(as('aVIEWER'), GET, { id: two.id })).data?.contact,
    ).toEqual(before);

    // Acting in its own tenant, B's bulk actions on A's ids change nothing.
    expect((await call(as('bOwner', 'b'), TAG, { ids: [two.id], add: ['b'] })).data).toEqual({
      tagContacts: 0,
    });
    expect(
      (
        await call(as('bOwner', 'b'), 'mutation($ids: [ID!]!) { deleteContacts(ids: $ids) }', {
          ids: [two.id],
        })
      ).data,
    ).toEqual({
      deleteContacts: 0,
    });
    expect(
      (await call<{ contact: Contact }>(as('aVIEWER'), GET, { id: two.id })).data?.contact,
    ).toEqual(before);
  });

  it('saves contact views per user', async () => {
    const CREATE_VIEW = `mutation($input: SavedContactViewInput!) { createSavedContactView(input: $input) { id name search filter { tags countries createdFrom custom { key equals } } sort { field direction } } }`;
    const saved = await call<{ createSavedContactView: { id: string } }>(
      as('aAGENT'),
      CREATE_VIEW,
      {
        input: {
          name: 'Gold in MX',
          search: 'ana',
          filter: {
            tags: ['vip'],
            countries: ['mx'],
            createdFrom: '2026-01-01T00:00:00.000Z',
            custom: [{ key: 'tier', equals: 'gold' }],
          },
          sort: { field: 'LAST_NAME', direction: 'ASC' },
        },
      },
    );
    expect(saved.data?.createSavedContactView).toMatchObject({
      name: 'Gold in MX',
      search: 'ana',
      filter: {
        tags: ['vip'],
        countries: ['MX'],
        createdFrom: '2026-01-01T00:00:00.000Z',
        custom: [{ key: 'tier', equals: 'gold' }],
      },
      sort: { field: 'LAST_NAME', direction: 'ASC' },
    });
    const LIST_VIEWS = '{ savedContactViews { id name } }';
    expect((await call(as('aAGENT'), LIST_VIEWS)).data).toEqual({
      savedContactViews: [{ id: saved.data?.createSavedContactView.id, name: 'Gold in MX' }],
    });
    expect((await call(as('aMANAGER'), LIST_VIEWS)).data).toEqual({ savedContactViews: [] });
    const again = await call(as('aAGENT'), CREATE_VIEW, { input: { name: 'gold in mx' } });
    expect(fieldsOf(again)).toEqual(['input.name']);
    const DELETE_VIEW = 'mutation($id: ID!) { deleteSavedContactView(id: $id) }';
    expect(
      errorCodes(
        await call(as('aMANAGER'), DELETE_VIEW, { id: saved.data?.createSavedContactView.id }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      (await call(as('aAGENT'), DELETE_VIEW, { id: saved.data?.createSavedContactView.id })).data,
    ).toEqual({
      deleteSavedContactView: true,
    });
  });
});
