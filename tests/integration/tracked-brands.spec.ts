import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const PAGE =
  'query($after: String) { brands(first: 2, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }';

describe('tracked brands', () => {
  const suite = useSuite();
  let manager: { token: string; tenantId: string };

  beforeAll(async () => {
    const session = await signIn(suite.api.graphqlUrl, suite.world.users.aMANAGER.email, PASSWORD);
    manager = { token: session.accessToken, tenantId: suite.world.tenants.a };
  });

  it('creates, reads, updates and deletes a brand', async () => {
    const url = suite.api.graphqlUrl;
    const manager2 = await signIn(url, suite.world.users.northMember.email, PASSWORD);
    const caller = { token: manager2.accessToken, tenantId: suite.world.tenants.a2 };
    const created = await gql<{ createBrand: { id: string; kind: string } }>(
      url,
      'mutation { createBrand(input: { name: "Rival", kind: COMPETITOR, keywords: ["rival co"], excludedTerms: ["rival sons"] }) { id kind } }',
      {},
      caller,
    );
    const id = created.data?.createBrand.id;
    expect(created.data?.createBrand.kind).toBe('COMPETITOR');
    const updated = await gql<{
      updateBrand: { name: string; keywords: string[]; excludedTerms: string[] };
    }>(
      url,
      'mutation($id: ID!) { updateBrand(id: $id, input: { name: "Rival Co", hashtags: ["rivalco"] }) { name keywords excludedTerms } }',
      { id },
      caller,
    );
    expect(updated.data?.updateBrand).toEqual({
      name: 'Rival Co',
      keywords: ['rival co'],
      excludedTerms: ['rival sons'],
    });
    const emptied = await gql(
      url,
      'mutation($id: ID!) { updateBrand(id: $id, input: { keywords: [], hashtags: [] }) { id } }',
      { id },
      caller,
    );
    expect(errorCodes(emptied)).toEqual(['BAD_USER_INPUT']);
    expect(
      (await gql(url, 'mutation($id: ID!) { deleteBrand(id: $id) }', { id }, caller)).data,
    ).toEqual({ deleteBrand: id });
    expect(
      errorCodes(await gql(url, 'query($id: ID!) { brand(id: $id) { id } }', { id }, caller)),
    ).toEqual(['NOT_FOUND']);
  });

  it('pages newest first with cursors and a total', async () => {
    const url = suite.api.graphqlUrl;
    for (const name of ['First', 'Second', 'Third']) {
      await gql(
        url,
        'mutation($n: String!) { createBrand(input: { name: $n, kind: OWN, keywords: [$n] }) { id } }',
        { n: `Paged ${name}` },
        manager,
      );
    }
    type Page = {
      brands: {
        totalCount: number;
        edges: Array<{ node: { name: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const first = await gql<Page>(url, PAGE, {}, manager);
    expect(first.data?.brands.totalCount).toBe(4);
    expect(first.data?.brands.edges.map((e) => e.node.name)).toEqual([
      'Paged Third',
      'Paged Second',
    ]);
    expect(first.data?.brands.pageInfo.hasNextPage).toBe(true);
    const second = await gql<Page>(
      url,
      PAGE,
      { after: first.data?.brands.pageInfo.endCursor },
      manager,
    );
    expect(second.data?.brands.edges.map((e) => e.node.name)).toEqual(['Paged First', 'Brand A']);
    expect(second.data?.brands.pageInfo.hasNextPage).toBe(false);
    const tooMany = await gql(url, '{ brands(first: 500) { totalCount } }', {}, manager);
    expect(tooMany.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'first', message: expect.any(String) },
    ]);
  });
});
