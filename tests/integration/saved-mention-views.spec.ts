import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { runtimeUrl } from '../support/databases.js';
import {
  type Caller,
  errorCodes,
  type GraphQLResponse,
  gql,
  signIn,
} from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const VIEW =
  'id name filter { brandIds channels sentiments languages authorHandle from to search }';
const LIST = `{ savedMentionViews { ${VIEW} } }`;
const CREATE = `mutation($input: CreateSavedMentionViewInput!) { createSavedMentionView(input: $input) { ${VIEW} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateSavedMentionViewInput!) { updateSavedMentionView(id: $id, input: $input) { ${VIEW} } }`;
const DELETE = 'mutation($id: ID!) { deleteSavedMentionView(id: $id) }';

interface View {
  id: string;
  name: string;
  filter: Record<string, unknown>;
}

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string; reason?: string }>;

describe('saved views of the live feed', () => {
  const suite = useSuite();
  const callers = new Map<string, Caller>();
  const as = (name: keyof World['users'], tenant: keyof World['tenants'] = 'a'): Caller => {
    const caller = callers.get(`${name}/${tenant}`);
    if (!caller) throw new Error(`no session for ${name}`);
    return caller;
  };

  beforeAll(async () => {
    const { api, world } = suite;
    const sessions: Array<[keyof World['users'], keyof World['tenants']]> = [
      ['aAGENT', 'a'],
      ['aMANAGER', 'a'],
      ['aVIEWER', 'a'],
      ['northMember', 'a'],
      ['northMember', 'a2'],
      ['bOwner', 'a'],
      ['bOwner', 'b'],
    ];
    for (const [user, tenant] of sessions) {
      const { accessToken } = await signIn(api.graphqlUrl, world.users[user].email, PASSWORD);
      callers.set(`${user}/${tenant}`, { token: accessToken, tenantId: world.tenants[tenant] });
    }
  });

  const call = <T = Record<string, unknown>>(
    caller: Caller,
    document: string,
    variables: Record<string, unknown> = {},
  ) => gql<T>(suite.api.graphqlUrl, document, variables, caller);

  async function create(caller: Caller, input: Record<string, unknown>): Promise<View> {
    const response = await call<{ createSavedMentionView: View }>(caller, CREATE, { input });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.createSavedMentionView;
  }

  const list = async (caller: Caller) =>
    (await call<{ savedMentionViews: View[] }>(caller, LIST)).data?.savedMentionViews;

  it('saves a filter, lists it by name, renames it, replaces its filter and deletes it', async () => {
    const viewer = as('aVIEWER');
    const filter = {
      brandIds: [suite.world.brands.a],
      channels: ['X', 'INSTAGRAM'],
      sentiments: ['NEGATIVE'],
      languages: ['es'],
      authorHandle: 'someone',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      search: 'late delivery',
    };
    const crisis = await create(viewer, { name: '  Crisis watch ', filter });
    expect(crisis).toEqual({ id: crisis.id, name: 'Crisis watch', filter });
    const praise = await create(viewer, {
      name: 'anything positive',
      filter: { sentiments: ['POSITIVE'] },
    });
    expect(praise.filter).toMatchObject({ sentiments: ['POSITIVE'], brandIds: null, from: null });
    // By name, case-insensitively.
    expect((await list(viewer))?.map((view) => view.name)).toEqual([
      'anything positive',
      'Crisis watch',
    ]);

    const renamed = await call<{ updateSavedMentionView: View }>(viewer, UPDATE, {
      id: crisis.id,
      input: { name: 'Crisis' },
    });
    expect(renamed.data?.updateSavedMentionView).toEqual({ ...crisis, name: 'Crisis' });
    const refiltered = await call<{ updateSavedMentionView: View }>(viewer, UPDATE, {
      id: crisis.id,
      input: { filter: { channels: ['TIKTOK'] } },
    });
    expect(refiltered.data?.updateSavedMentionView.name).toBe('Crisis');
    expect(refiltered.data?.updateSavedMentionView.filter).toMatchObject({
      channels: ['TIKTOK'],
      sentiments: null,
      search: null,
    });

    expect((await call(viewer, DELETE, { id: crisis.id })).data).toEqual({
      deleteSavedMentionView: crisis.id,
    });
    expect((await list(viewer))?.map((view) => view.id)).toEqual([praise.id]);
    expect(errorCodes(await call(viewer, DELETE, { id: crisis.id }))).toEqual(['NOT_FOUND']);
  });

  it('refuses a name the same user already gave, whatever its case, naming the field', async () => {
    const agent = as('aAGENT');
    const kept = await create(agent, { name: 'Complaints', filter: {} });
    const other = await create(agent, { name: 'Other', filter: {} });
    const duplicate = await call(agent, CREATE, { input: { name: 'COMPLAINTS', filter: {} } });
    const renamedOnto = await call(agent, UPDATE, { id: other.id, input: { name: 'complaints' } });
    for (const response of [duplicate, renamedOnto]) {
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(response)).toEqual([
        { field: 'input.name', message: expect.any(String), reason: 'ALREADY_EXISTS' },
      ]);
      // The database's words (constraint, key, table) never reach the client.
      expect(JSON.stringify(response.errors)).not.toMatch(
        /duplicate|constraint|saved_mention_view|key/i,
      );
    }
    expect((await list(agent))?.map((view) => view.name)).toEqual(['Complaints', 'Other']);
    // Another user may use the same name.
    expect((await create(as('aMANAGER'), { name: 'Complaints', filter: {} })).name).toBe(
      'Complaints',
    );
    expect((await list(agent))?.map((view) => view.id)).toEqual([kept.id, other.id]);
  });

  it('names the field of a bad name or filter', async () => {
    const agent = as('aAGENT');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '   ', filter: {} }, 'input.name'],
      [{ name: 'x'.repeat(81), filter: {} }, 'input.name'],
      [{ name: 'Bad brand', filter: { brandIds: ['not-an-id'] } }, 'input.filter.brandIds.0'],
      [{ name: 'Bad language', filter: { languages: ['spanish'] } }, 'input.filter.languages.0'],
    ];
    for (const [input, field] of cases) {
      const response = await call(agent, CREATE, { input });
      expect(errorCodes(response), field).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(response).map((problem) => problem.field)).toEqual([field]);
    }
  });

  it('keeps a user’s views from their colleagues: not listed, not renamed, not deleted', async () => {
    const agent = as('aAGENT');
    const mine = await create(agent, { name: 'Mine only', filter: { search: 'refund' } });
    for (const colleague of [as('aMANAGER'), as('aVIEWER'), as('northMember')]) {
      expect((await list(colleague))?.map((view) => view.id)).not.toContain(mine.id);
      const renamed = await call(colleague, UPDATE, { id: mine.id, input: { name: 'Taken over' } });
      expect(errorCodes(renamed)).toEqual(['NOT_FOUND']);
      expect(renamed.data).toBeNull();
      expect(errorCodes(await call(colleague, DELETE, { id: mine.id }))).toEqual(['NOT_FOUND']);
    }
    expect((await list(agent))?.find((view) => view.id === mine.id)).toEqual(mine);
  });

  it('keeps views in their tenant: the same user elsewhere and other tenants never reach them', async () => {
    const { world, databaseUrl } = suite;
    const inA = await create(as('northMember', 'a'), { name: 'North in A', filter: {} });
    // The same person, acting in the agency's other tenant, has other views.
    expect((await list(as('northMember', 'a2')))?.map((view) => view.id)).not.toContain(inA.id);
    expect(errorCodes(await call(as('northMember', 'a2'), DELETE, { id: inA.id }))).toEqual([
      'NOT_FOUND',
    ]);
    // A user of tenant B: refused in A, and from B the view does not exist.
    for (const document of [LIST, CREATE, UPDATE, DELETE]) {
      const response = await call(as('bOwner', 'a'), document, {
        id: inA.id,
        input: { name: 'spy', filter: {} },
      });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data ?? null).toBeNull();
    }
    expect(
      errorCodes(await call(as('bOwner', 'b'), UPDATE, { id: inA.id, input: { name: 'spy' } })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await call(as('bOwner', 'b'), DELETE, { id: inA.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(await list(as('bOwner', 'b'))).toEqual([]);
    // The row policy holds on its own: the api's role, acting in B, sees none of A's views.
    const runtime = new pg.Client({ connectionString: runtimeUrl(databaseUrl) });
    await runtime.connect();
    try {
      await runtime.query('BEGIN');
      await runtime.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
        `{${world.tenants.b}}`,
      ]);
      const seen = await runtime.query('SELECT id FROM saved_mention_view');
      expect(seen.rows).toEqual([]);
      await runtime.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
        `{${world.tenants.a}}`,
      ]);
      const own = await runtime.query('SELECT id FROM saved_mention_view WHERE id = $1', [inA.id]);
      expect(own.rows).toEqual([{ id: inA.id }]);
    } finally {
      await runtime.query('ROLLBACK');
      await runtime.end();
    }
    expect((await list(as('northMember', 'a')))?.map((view) => view.id)).toContain(inA.id);
  });

  it('bounds each user’s views at 50', async () => {
    const manager = as('aMANAGER');
    const existing = (await list(manager))?.length ?? 0;
    for (let index = existing; index < 50; index++) {
      await create(manager, { name: `View ${index}`, filter: {} });
    }
    const oneTooMany = await call(manager, CREATE, { input: { name: 'View 50', filter: {} } });
    expect(errorCodes(oneTooMany)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(oneTooMany)).toEqual([
      { field: 'input', message: expect.any(String), reason: 'TOO_MANY', params: { max: 50 } },
    ]);
    expect(await list(manager)).toHaveLength(50);
    // Someone else's count is their own.
    expect((await create(as('aVIEWER'), { name: 'View 50', filter: {} })).name).toBe('View 50');
  });

  it('has no views for an API key, which acts for no user', async () => {
    const owner = await signIn(suite.api.graphqlUrl, suite.world.users.aOWNER.email, PASSWORD);
    const key = await call<{ createApiKey: { secret: string } }>(
      { token: owner.accessToken, tenantId: suite.world.tenants.a },
      'mutation { createApiKey(input: { name: "views", role: MANAGER }) { secret } }',
    );
    const apiKey = { token: key.data?.createApiKey.secret };
    expect(errorCodes(await call(apiKey, LIST))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await call(apiKey, CREATE, { input: { name: 'Robot', filter: {} } })),
    ).toEqual(['FORBIDDEN']);
  });
});
