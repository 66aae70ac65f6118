import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, SIGN_IN, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const CREATE_BRAND =
  'mutation($input: CreateBrandInput!) { createBrand(input: $input) { id name hashtags handles } }';
const COUNT = '{ brands { totalCount } }';

describe('bad input', () => {
  const suite = useSuite();
  let manager: { token: string; tenantId: string };

  beforeAll(async () => {
    const session = await signIn(suite.api.graphqlUrl, suite.world.users.aMANAGER.email, PASSWORD);
    manager = { token: session.accessToken, tenantId: suite.world.tenants.a };
  });

  const fieldsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    ((response.errors?.[0]?.extensions?.fields ?? []) as Array<{ field: string }>).map(
      (problem) => problem.field,
    );

  async function brandCount(): Promise<number> {
    const response = await gql<{ brands: { totalCount: number } }>(
      suite.api.graphqlUrl,
      COUNT,
      {},
      manager,
    );
    return response.data?.brands.totalCount ?? -1;
  }

  it('names the email field when it is malformed', async () => {
    const response = await gql(suite.api.graphqlUrl, SIGN_IN, {
      email: 'not-an-email',
      password: 'whatever',
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(response)).toEqual(['input.email']);
  });

  it('refuses a weak password for a new account, naming the field, and creates nothing', async () => {
    const owner = await signIn(suite.api.graphqlUrl, suite.world.users.aOWNER.email, PASSWORD);
    const invited = await gql<{ inviteMember: { token: string } }>(
      suite.api.graphqlUrl,
      'mutation { inviteMember(input: { email: "weak@example.com", role: AGENT }) { token } }',
      {},
      { token: owner.accessToken, tenantId: suite.world.tenants.a },
    );
    const token = invited.data?.inviteMember.token;
    const accept =
      'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }';
    const weak = await gql(suite.api.graphqlUrl, accept, {
      input: { token, name: 'Weak', password: 'password' },
    });
    expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(weak)).toEqual(['input.password']);
    // Nothing was written: the invitation is still usable with a strong password.
    const strong = await gql(suite.api.graphqlUrl, accept, {
      input: { token, name: 'Strong', password: 'Much-stronger-9' },
    });
    expect(strong.errors).toBeUndefined();
  });

  it('names the X-Tenant-Id header when it is not a tenant id, and forbids an unknown tenant', async () => {
    const malformed = await gql(
      suite.api.graphqlUrl,
      COUNT,
      {},
      { token: manager.token, tenantId: 'acme' },
    );
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed)).toEqual(['X-Tenant-Id']);
    const unknown = await gql(
      suite.api.graphqlUrl,
      COUNT,
      {},
      { token: manager.token, tenantId: '00000000-0000-4000-8000-000000000000' },
    );
    expect(errorCodes(unknown)).toEqual(['FORBIDDEN']);
  });

  it('refuses a query deeper than 6 levels, with more than 15 aliases, or over 1,000 tokens', async () => {
    const url = suite.api.graphqlUrl;
    const six = '{ __schema { types { fields { type { ofType { name } } } } } }';
    const seven = '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }';
    expect((await gql(url, six, {}, manager)).errors).toBeUndefined();
    const tooDeep = await gql(url, seven, {}, manager);
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth/i);
    const fifteen = Array.from({ length: 15 }, (_, i) => `a${i}: brands { totalCount }`).join(' ');
    expect((await gql(url, `{ ${fifteen} }`, {}, manager)).errors).toBeUndefined();
    const manyAliases = await gql(url, `{ ${fifteen} extra: brands { totalCount } }`, {}, manager);
    expect(manyAliases.errors?.[0]?.message).toMatch(/alias/i);
    const manyTokens = await gql(
      url,
      `{ ${Array.from({ length: 1100 }, () => '__typename').join(' ')} }`,
      {},
      manager,
    );
    expect(manyTokens.errors?.[0]?.message).toMatch(/token/i);
    // The request is at fault, not the server: 400 for every refusal above and a syntax error.
    expect([tooDeep.status, manyAliases.status, manyTokens.status]).toEqual([400, 400, 400]);
    const syntax = await gql(url, '{ brands { totalCount }', {}, manager);
    expect(errorCodes(syntax)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(syntax.status).toBe(400);
  });

  it('stores a GraphQL batch whose one post holds a NUL character, that post cleaned', async () => {
    const batch = [post(), post({ text: 'Brand A\u0000 nul \ud83d' }), post()];
    const results = await ingest(suite.api.graphqlUrl, manager, batch);
    expect(results.map((result) => result.outcome)).toEqual(['STORED', 'STORED', 'STORED']);
  });

  it('counts a name in characters, as the admin does: 120 emoji fit, 121 do not', async () => {
    const named = (name: string) =>
      gql(
        suite.api.graphqlUrl,
        CREATE_BRAND,
        { input: { name, kind: 'OWN', keywords: ['emoji'] } },
        manager,
      );
    expect((await named('☕'.repeat(60) + '🙂'.repeat(60))).errors).toBeUndefined();
    const tooLong = await named('🙂'.repeat(121));
    expect(fieldsOf(tooLong)).toEqual(['input.name']);
    // With a reason and its parameters, so the admin can say it in the user's language.
    expect(tooLong.errors?.[0]?.extensions?.fields).toEqual([
      {
        field: 'input.name',
        message: 'must have at most 120 characters',
        reason: 'TOO_LONG',
        params: { max: 120 },
      },
    ]);
  });

  it('refuses a request body over the size limit and malformed JSON without a stack trace', async () => {
    const big = await fetch(suite.api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(big.status).toBe(413);
    expect(JSON.stringify(await big.json())).toContain('exceeds 100 kB');
    const malformed = await fetch(suite.api.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).not.toMatch(/at .*\.js/);
  });

  it.each([
    [{ name: 'Only', kind: 'OWN', hashtags: ['#bad tag'] }, ['input.hashtags.0']],
    [{ name: 'Only', kind: 'OWN', handles: ['@no spaces'] }, ['input.handles.0']],
    [{ name: 'Only', kind: 'OWN', keywords: ['x'] }, ['input.keywords.0']],
    [{ name: 'Only', kind: 'OWN', keywords: ['same', 'SAME'] }, ['input.keywords.1']],
    [{ name: '  ', kind: 'OWN', keywords: ['fine'] }, ['input.name']],
    [{ name: 'No terms', kind: 'OWN' }, ['input.keywords']],
    [
      { name: 'Long', kind: 'OWN', keywords: Array.from({ length: 101 }, (_, i) => `term ${i}`) },
      ['input.keywords'],
    ],
  ])('refuses brand %j naming %j, writing nothing', async (input, fields) => {
    const before = await brandCount();
    const response = await gql(suite.api.graphqlUrl, CREATE_BRAND, { input }, manager);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(response)).toEqual(fields);
    expect(await brandCount()).toBe(before);
  });

  it('normalises hashtags and handles and refuses a duplicate name as CONFLICT without database text', async () => {
    const input = {
      name: 'Normalised',
      kind: 'COMPETITOR',
      hashtags: ['café_2026'],
      handles: ['acme.co'],
    };
    const created = await gql<{ createBrand: { hashtags: string[]; handles: string[] } }>(
      suite.api.graphqlUrl,
      CREATE_BRAND,
      { input },
      manager,
    );
    expect(created.data?.createBrand).toMatchObject({
      hashtags: ['#café_2026'],
      handles: ['@acme.co'],
    });
    const duplicate = await gql(
      suite.api.graphqlUrl,
      CREATE_BRAND,
      { input: { ...input, name: 'normalised' } },
      manager,
    );
    expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
    expect(fieldsOf(duplicate)).toEqual(['input.name']);
    expect(JSON.stringify(duplicate)).not.toMatch(/tracked_brand|duplicate key|tenant_id/);
  });

  it('answers a malformed id as bad input, not as a database error', async () => {
    const response = await gql(
      suite.api.graphqlUrl,
      'query { brand(id: "42") { id } }',
      {},
      manager,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(response)).toEqual(['id']);
  });
});
