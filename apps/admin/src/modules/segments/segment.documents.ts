import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';

export const SegmentFields = graphql(`
  fragment SegmentFields on Segment {
    id
    name
    description
    kind
    rule
    memberCount
    refreshState
    refreshedAt
    updatedAt
  }
`);
export type Segment = ResultOf<typeof SegmentFields>;

export const SegmentsQuery = graphql(
  `
  query Segments {
    segments { ...SegmentFields }
  }
`,
  [SegmentFields],
);

export const SegmentFieldsQuery = graphql(`
  query SegmentFieldCatalogue {
    segmentFields { name kind operators values integer min max }
  }
`);
export type SegmentFieldDefinition = ResultOf<typeof SegmentFieldsQuery>['segmentFields'][number];

export const SegmentQuery = graphql(
  `
  query Segment($id: ID!, $first: Int!, $after: String, $days: Int!) {
    segment(id: $id) {
      ...SegmentFields
      members(first: $first, after: $after) {
        edges { cursor node { id displayName emails lifecycleStage } }
        pageInfo { endCursor hasNextPage }
        totalCount
      }
      sizeHistory(days: $days) { day memberCount }
    }
  }
`,
  [SegmentFields],
);
export type SegmentMember = NonNullable<
  ResultOf<typeof SegmentQuery>['segment']
>['members']['edges'][number]['node'];

export const SegmentPreviewQuery = graphql(`
  query SegmentPreview($rule: SegmentRule!) {
    segmentPreview(rule: $rule) { count sample { id displayName } }
  }
`);

export const CreateSegmentMutation = graphql(
  `
  mutation CreateSegment($input: SegmentInput!) {
    createSegment(input: $input) { ...SegmentFields }
  }
`,
  [SegmentFields],
);
export type SegmentInput = VariablesOf<typeof CreateSegmentMutation>['input'];

export const UpdateSegmentMutation = graphql(
  `
  mutation UpdateSegment($id: ID!, $input: SegmentPatch!) {
    updateSegment(id: $id, input: $input) { ...SegmentFields }
  }
`,
  [SegmentFields],
);

export const DeleteSegmentMutation = graphql(`
  mutation DeleteSegment($id: ID!) { deleteSegment(id: $id) }
`);

export const RefreshSegmentMutation = graphql(
  `
  mutation RefreshSegment($id: ID!) {
    refreshSegment(id: $id) { ...SegmentFields }
  }
`,
  [SegmentFields],
);

export const AddToSegmentMutation = graphql(
  `
  mutation AddContactsToSegment($id: ID!, $contactIds: [ID!]!) {
    addContactsToSegment(id: $id, contactIds: $contactIds) { ...SegmentFields }
  }
`,
  [SegmentFields],
);

export const RemoveFromSegmentMutation = graphql(
  `
  mutation RemoveContactsFromSegment($id: ID!, $contactIds: [ID!]!) {
    removeContactsFromSegment(id: $id, contactIds: $contactIds) { ...SegmentFields }
  }
`,
  [SegmentFields],
);

export const ContactSearchQuery = graphql(`
  query SegmentContactSearch($search: String!) {
    contacts(first: 8, search: $search) { edges { node { id displayName emails } } }
  }
`);
