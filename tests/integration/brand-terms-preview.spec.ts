import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const PREVIEW = `query($terms: BrandTermsInput!, $first: Int! = 100) {
  brandTermsPreview(terms: $terms, first: $first) { scanned matchCount mentions { id text brandIds } }
}`;

interface Preview {
  scanned: number;
  matchCount: number;
  mentions: Array<{ id: string; text: string; brandIds: string[] }>;
}

// Hashtag and handle without their prefix: the form stores them with it, and so must the preview.
const DRAFT = {
  keywords: ['nova'],
  hashtags: ['novacafe'],
  handles: ['NovaOfficial'],
  excludedTerms: ['nova scotia'],
};

// Near misses on every rule of the matcher, and the hits they are near.
const TEXTS = [
  'Nova launches today',
  'novak wins again',
  'my #supernova shot',
  '#Nova is trending',
  'follow @nova_news',
  'shop at https://nova.example.com/sale',
  'NÓVA con acento',
  'a trip to Nova Scotia',
  'love #NovaCafe',
  'love #novacafe2026',
  'thanks @novaofficial.',
  'write to me@novaofficial.com',
  'Brand A only',
];

describe('previewing brand terms on recent mentions', () => {
  const suite = useSuite();
  let manager: Caller;

  beforeAll(async () => {
    const { api, world } = suite;
    const session = await signIn(api.graphqlUrl, world.users.aMANAGER.email, PASSWORD);
    manager = { token: session.accessToken, tenantId: world.tenants.a };
  });

  async function preview(caller: Caller, terms: object, first?: number): Promise<Preview> {
    const response = await gql<{ brandTermsPreview: Preview }>(
      suite.api.graphqlUrl,
      PREVIEW,
      first === undefined ? { terms } : { terms, first },
      caller,
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.brandTermsPreview;
  }

  it('matches what ingest then attributes to the brand made of the same terms', async () => {
    const url = suite.api.graphqlUrl;
    const posts = TEXTS.map((text) => post({ text }));
    const stored = await ingest(url, manager, posts);
    const idOf = new Map(stored.map((row, index) => [TEXTS[index], row.mentionId]));

    const previewed = await preview(manager, DRAFT);
    expect(previewed.scanned).toBe(TEXTS.length);
    const previewedTexts = previewed.mentions.map((mention) => mention.text);
    expect(previewed.matchCount).toBe(previewedTexts.length);
    // Not trivially all or nothing.
    expect(previewedTexts.length).toBeGreaterThan(2);
    expect(previewedTexts.length).toBeLessThan(TEXTS.length - 2);
    // Newest received first, the same order as the ids ingest answered.
    expect(previewed.mentions.map((mention) => mention.id)).toEqual(
      TEXTS.filter((text) => previewedTexts.includes(text))
        .map((text) => idOf.get(text))
        .reverse(),
    );

    const created = await gql<{ createBrand: { id: string } }>(
      url,
      'mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
      { input: { name: 'Nova', kind: 'OWN', ...DRAFT } },
      manager,
    );
    const brandId = created.data?.createBrand.id;
    // The same posts delivered again: ingest matches them against the new brand.
    await ingest(url, manager, posts);
    const attributed = await gql<{
      mentions: { edges: Array<{ node: { id: string; text: string } }> };
    }>(
      url,
      'query($brand: ID!) { mentions(first: 100, filter: { brandIds: [$brand] }) { edges { node { id text } } } }',
      { brand: brandId },
      manager,
    );
    const ingested = attributed.data?.mentions.edges.map((edge) => edge.node) ?? [];
    expect(ingested.map((mention) => mention.id).sort()).toEqual(
      previewed.mentions.map((mention) => mention.id).sort(),
    );
    // And the preview now shows those mentions under the brand.
    const again = await preview(manager, DRAFT);
    expect(again.mentions.map((mention) => mention.id)).toEqual(
      previewed.mentions.map((mention) => mention.id),
    );
    expect(again.mentions.every((mention) => mention.brandIds.includes(brandId ?? ''))).toBe(true);
  });

  it('counts every match but returns the first ones asked for; no terms match nothing', async () => {
    const all = await preview(manager, { keywords: ['nova'] });
    const firstTwo = await preview(manager, { keywords: ['nova'] }, 2);
    expect(firstTwo.matchCount).toBe(all.matchCount);
    expect(firstTwo.mentions).toEqual(all.mentions.slice(0, 2));
    expect(await preview(manager, { excludedTerms: ['nova'] })).toEqual({
      scanned: all.scanned,
      matchCount: 0,
      mentions: [],
    });
  });

  it('names the bad term or argument', async () => {
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ terms: { hashtags: ['not a tag'] } }, 'terms.hashtags.0'],
      [{ terms: { keywords: ['ok', 'x'] } }, 'terms.keywords.1'],
      [{ terms: { handles: ['@good', '@GOOD'] } }, 'terms.handles.1'],
      [{ terms: { keywords: ['nova'] }, first: 0 }, 'first'],
      [{ terms: { keywords: ['nova'] }, first: 101 }, 'first'],
    ];
    for (const [variables, field] of attempts) {
      const response = await gql(suite.api.graphqlUrl, PREVIEW, variables, manager);
      expect(errorCodes(response), field).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.fields).toMatchObject([{ field }]);
    }
  });

  it('is for those who edit brands, in their own tenant only', async () => {
    const { api, world } = suite;
    const agent = await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD);
    const bOwner = await signIn(api.graphqlUrl, world.users.bOwner.email, PASSWORD);
    for (const caller of [
      { token: agent.accessToken, tenantId: world.tenants.a },
      { token: bOwner.accessToken, tenantId: world.tenants.a },
    ]) {
      const response = await gql(api.graphqlUrl, PREVIEW, { terms: DRAFT }, caller);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data ?? null).toBeNull();
    }
    // In tenant B, tenant A's mentions are not there to match.
    const inB = { token: bOwner.accessToken, tenantId: world.tenants.b };
    await ingest(api.graphqlUrl, inB, [post({ text: 'Brand B and nova' })]);
    const seenFromB = await preview(inB, DRAFT);
    expect(seenFromB.scanned).toBe(1);
    expect(seenFromB.mentions.map((mention) => mention.text)).toEqual(['Brand B and nova']);
  });

  it('looks at the latest 500 received mentions only', async () => {
    const url = suite.api.graphqlUrl;
    const before = await preview(manager, { keywords: ['nova'] });
    expect(before.matchCount).toBeGreaterThan(0);
    await ingest(
      url,
      manager,
      Array.from({ length: 499 }, (_, index) => post({ text: `filler post ${index}` })),
    );
    const [newest] = await ingest(url, manager, [post({ text: 'nova, newest of all' })]);
    const after = await preview(manager, { keywords: ['nova'] });
    expect(after).toMatchObject({ scanned: 500, matchCount: 1 });
    expect(after.mentions.map((mention) => mention.id)).toEqual([newest?.mentionId]);
  });
});
