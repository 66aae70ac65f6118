import { graphql, type ResultOf } from '../../graphql.js';

export const BrandFields = graphql(`
  fragment BrandFields on TrackedBrand {
    id
    name
    kind
    keywords
    hashtags
    handles
    excludedTerms
    createdAt
    updatedAt
    mentionCount
    lastMentionAt
  }
`);

export type Brand = ResultOf<typeof BrandFields>;

export const BrandsQuery = graphql(
  `
  query Brands($first: Int!, $after: String, $search: String, $sort: BrandSortInput) {
    brands(first: $first, after: $after, search: $search, sort: $sort) {
      edges { cursor node { ...BrandFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [BrandFields],
);

export const BrandQuery = graphql(
  `
  query Brand($id: ID!) {
    brand(id: $id) { ...BrandFields }
  }
`,
  [BrandFields],
);

export const CreateBrandMutation = graphql(
  `
  mutation CreateBrand($input: CreateBrandInput!) {
    createBrand(input: $input) { ...BrandFields }
  }
`,
  [BrandFields],
);

export const UpdateBrandMutation = graphql(
  `
  mutation UpdateBrand($id: ID!, $input: UpdateBrandInput!) {
    updateBrand(id: $id, input: $input) { ...BrandFields }
  }
`,
  [BrandFields],
);

export const DeleteBrandMutation = graphql(`
  mutation DeleteBrand($id: ID!) {
    deleteBrand(id: $id)
  }
`);

export const BrandTermsPreviewQuery = graphql(`
  query BrandTermsPreview($terms: BrandTermsInput!, $first: Int!) {
    brandTermsPreview(terms: $terms, first: $first) {
      matchCount
      scanned
      mentions { id text channel publishedAt url author { handle displayName } }
    }
  }
`);
