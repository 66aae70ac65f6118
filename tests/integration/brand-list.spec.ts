import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const PAGE = `query($first: Int!, $after: String, $search: String, $sort: BrandSortInput) {
  brands(first: $first, after: $after, search: $search, sort: $sort) {
    totalCount
    edges { node { id name mentionCount lastMentionAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ListedBrand {
  id: string;
  name: string;
  mentionCount: number;
  lastMentionAt: string | null;
}

interface Page {
  brands: {
    totalCount: number;
    edges: Array<{ node: ListedBrand }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

type Field = 'NAME' | 'CREATED_AT' | 'MENTION_COUNT' | 'LAST_MENTION_AT';
type Direction = 'ASC' | 'DESC';

// Each brand's keyword is a plain word: which posts name it is plain to see.
const BRANDS = [
  { name: 'Alpaca Coffee', keyword: 'alpaca' },
  { name: 'bison tea', keyword: 'bison' },
  { name: 'Camel Cola', keyword: 'camel' },
  { name: 'dingo juice', keyword: 'dingo' },
  { name: 'ECHIDNA snacks', keyword: 'echidna' },
];
// Ties on purpose: alpaca and bison have 3 mentions, camel and dingo share their latest post,
// echidna and the world's Brand A have none.
const POSTS = [
  { text: 'an alpaca latte today', publishedAt: '2026-01-01T10:00:00.000Z' },
  { text: 'another alpaca morning', publishedAt: '2026-01-02T10:00:00.000Z' },
  { text: 'alpaca again', publishedAt: '2026-01-03T10:00:00.000Z' },
  { text: 'bison tea is strong', publishedAt: '2026-01-05T10:00:00.000Z' },
  { text: 'bison once more', publishedAt: '2025-12-01T10:00:00.000Z' },
  { text: 'bison forever', publishedAt: '2026-03-01T10:00:00.000Z' },
  { text: 'dingo juice first', publishedAt: '2026-01-10T10:00:00.000Z' },
  { text: 'camel and dingo together', publishedAt: '2026-02-01T10:00:00.000Z' },
  { text: 'nothing to see here', publishedAt: '2026-02-02T10:00:00.000Z' },
];

describe('the brands list: search, sort, mention counts', () => {
  const suite = useSuite();
  let manager: Caller;
  /** Every brand of tenant A as the test expects it, in creation order. */
  let expected: Array<ListedBrand & { created: number }>;

  beforeAll(async () => {
    const { api, world } = suite;
    const session = await signIn(api.graphqlUrl, world.users.aMANAGER.email, PASSWORD);
    manager = { token: session.accessToken, tenantId: world.tenants.a };
    const created: Array<{ id: string; name: string; keyword: string }> = [];
    for (const brand of BRANDS) {
      const response = await gql<{ createBrand: { id: string } }>(
        api.graphqlUrl,
        'mutation($name: String!, $keyword: String!) { createBrand(input: { name: $name, kind: OWN, keywords: [$keyword] }) { id } }',
        { name: brand.name, keyword: brand.keyword },
        manager,
      );
      created.push({ ...brand, id: response.data?.createBrand.id ?? '' });
    }
    const results = await ingest(
      api.graphqlUrl,
      manager,
      POSTS.map((p) => post(p)),
    );
    expect(results.map((result) => result.outcome)).toEqual(POSTS.map(() => 'STORED'));
    // Counted here from the posts, not by the api: a post names a brand when it has its word.
    const brands = [{ id: world.brands.a, name: 'Brand A', keyword: 'brand a' }, ...created];
    expected = brands.map((brand, created) => {
      const naming = POSTS.filter((p) => p.text.split(' ').includes(brand.keyword));
      const latest =
        naming
          .map((p) => p.publishedAt)
          .sort()
          .at(-1) ?? null;
      return {
        id: brand.id,
        name: brand.name,
        mentionCount: naming.length,
        lastMentionAt: latest,
        created,
      };
    });
  });

  /** Every page of a listing, `first` at a time, checking the total and the cursors on the way. */
  async function listAll(
    variables: { search?: string; sort?: { field: Field; direction?: Direction } },
    first = 2,
  ): Promise<{ brands: ListedBrand[]; totalCount: number }> {
    const brands: ListedBrand[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let pages = 0; pages < 20; pages++) {
      const response: { data?: Page | null; errors?: unknown } = await gql<Page>(
        suite.api.graphqlUrl,
        PAGE,
        { ...variables, first, after },
        manager,
      );
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      const page = response.data.brands;
      if (totalCount >= 0) expect(page.totalCount).toBe(totalCount);
      totalCount = page.totalCount;
      brands.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return { brands, totalCount };
      expect(page.edges).toHaveLength(first);
      after = page.pageInfo.endCursor;
    }
    throw new Error('the listing never ended');
  }

  /** The expected order: the field's key, then the id, both in the given direction. */
  function ordered(field: Field, direction: Direction, brands = expected): ListedBrand[] {
    const key = (brand: (typeof expected)[number]): string | number => {
      switch (field) {
        case 'NAME':
          return brand.name.toLowerCase();
        case 'CREATED_AT':
          return brand.created;
        case 'MENTION_COUNT':
          return brand.mentionCount;
        case 'LAST_MENTION_AT':
          return brand.lastMentionAt ? Date.parse(brand.lastMentionAt) : Number.NEGATIVE_INFINITY;
      }
    };
    const sign = direction === 'ASC' ? 1 : -1;
    return [...brands]
      .sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        if (ka !== kb) return ka < kb ? -sign : sign;
        return a.id < b.id ? -sign : sign;
      })
      .map(({ created: _created, ...brand }) => brand);
  }

  it('counts each brand’s mentions and its latest, newest brand first by default', async () => {
    const { brands, totalCount } = await listAll({});
    expect(totalCount).toBe(BRANDS.length + 1);
    expect(brands).toEqual(ordered('CREATED_AT', 'DESC'));
    expect(brands.find((brand) => brand.name === 'Alpaca Coffee')).toMatchObject({
      mentionCount: 3,
      lastMentionAt: '2026-01-03T10:00:00.000Z',
    });
    expect(brands.find((brand) => brand.name === 'ECHIDNA snacks')).toMatchObject({
      mentionCount: 0,
      lastMentionAt: null,
    });
  });

  it.each([
    ['NAME', 'ASC'],
    ['NAME', 'DESC'],
    ['CREATED_AT', 'ASC'],
    ['CREATED_AT', 'DESC'],
    ['MENTION_COUNT', 'ASC'],
    ['MENTION_COUNT', 'DESC'],
    ['LAST_MENTION_AT', 'ASC'],
    ['LAST_MENTION_AT', 'DESC'],
  ] as const)('sorts by %s %s, every brand once across pages of 2', async (field, direction) => {
    const { brands } = await listAll({ sort: { field, direction } });
    expect(brands).toEqual(ordered(field, direction));
  });

  it('defaults the direction: names A to Z, the rest most first', async () => {
    expect((await listAll({ sort: { field: 'NAME' } })).brands).toEqual(ordered('NAME', 'ASC'));
    expect((await listAll({ sort: { field: 'MENTION_COUNT' } })).brands).toEqual(
      ordered('MENTION_COUNT', 'DESC'),
    );
  });

  it('searches names case-insensitively, wildcards taken literally, with the sort and the total', async () => {
    const containing = (text: string) =>
      expected.filter((brand) => brand.name.toLowerCase().includes(text.toLowerCase()));
    const camel = await listAll({ search: '  CAMEL ' });
    expect(camel).toEqual({
      brands: ordered('CREATED_AT', 'DESC', containing('camel')),
      totalCount: 1,
    });
    const withA = await listAll({ search: 'A', sort: { field: 'MENTION_COUNT' } }, 1);
    expect(withA.totalCount).toBe(containing('a').length);
    expect(withA.brands).toEqual(ordered('MENTION_COUNT', 'DESC', containing('a')));
    expect((await listAll({ search: '%' })).totalCount).toBe(0);
    expect((await listAll({ search: '_' })).totalCount).toBe(0);
    expect((await listAll({ search: '   ' })).totalCount).toBe(expected.length);
  });

  it('gives one brand the same counts as the list, also after an update', async () => {
    const bison = expected.find((brand) => brand.name === 'bison tea');
    const one = await gql<{ brand: ListedBrand }>(
      suite.api.graphqlUrl,
      'query($id: ID!) { brand(id: $id) { id name mentionCount lastMentionAt } }',
      { id: bison?.id },
      manager,
    );
    expect(one.data?.brand).toEqual({
      id: bison?.id,
      name: 'bison tea',
      mentionCount: 3,
      lastMentionAt: '2026-03-01T10:00:00.000Z',
    });
    const updated = await gql<{ updateBrand: ListedBrand }>(
      suite.api.graphqlUrl,
      'mutation($id: ID!) { updateBrand(id: $id, input: { excludedTerms: ["forever"] }) { mentionCount lastMentionAt } }',
      { id: bison?.id },
      manager,
    );
    // Stored mentions keep their brands until ingested again.
    expect(updated.data?.updateBrand).toEqual({
      mentionCount: 3,
      lastMentionAt: '2026-03-01T10:00:00.000Z',
    });
    const fresh = await gql<{ createBrand: ListedBrand }>(
      suite.api.graphqlUrl,
      'mutation { createBrand(input: { name: "Fresh", kind: OWN, keywords: ["alpaca"] }) { mentionCount lastMentionAt } }',
      {},
      manager,
    );
    expect(fresh.data?.createBrand).toEqual({ mentionCount: 0, lastMentionAt: null });
  });

  it('refuses a cursor of another order, a forged cursor and a too long search, naming the argument', async () => {
    const byName = await gql<Page>(
      suite.api.graphqlUrl,
      PAGE,
      { first: 1, sort: { field: 'NAME' } },
      manager,
    );
    const cursor = byName.data?.brands.pageInfo.endCursor;
    const forged = Buffer.from(
      JSON.stringify({
        f: 'MENTION_COUNT',
        d: 'DESC',
        k: '1; DROP TABLE mention',
        i: expected[0]?.id,
      }),
    ).toString('base64url');
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ first: 1, after: cursor, sort: { field: 'NAME', direction: 'DESC' } }, 'after'],
      [{ first: 1, after: cursor, sort: { field: 'CREATED_AT' } }, 'after'],
      [{ first: 1, after: forged, sort: { field: 'MENTION_COUNT' } }, 'after'],
      [{ first: 1, after: 'not a cursor' }, 'after'],
      [{ first: 1, search: 'x'.repeat(121) }, 'search'],
    ];
    for (const [variables, field] of attempts) {
      const response = await gql(suite.api.graphqlUrl, PAGE, variables, manager);
      expect(errorCodes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.fields).toMatchObject([{ field }]);
    }
  });
});
