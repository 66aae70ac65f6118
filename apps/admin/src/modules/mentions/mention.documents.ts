import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';

export const MentionFields = graphql(`
  fragment MentionFields on Mention {
    id
    channel
    externalId
    url
    text
    author { id handle displayName followers }
    brandIds
    language
    sentiment
    sentimentScore
    reach
    publishedAt
    receivedAt
    assignedToId
    contactId
  }
`);

export const MentionsQuery = graphql(
  `
  query Mentions($first: Int!, $after: String, $filter: MentionFilterInput) {
    mentions(first: $first, after: $after, filter: $filter) {
      edges { cursor node { ...MentionFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [MentionFields],
);

/** The live feed in batches: each message brings every entry since the previous one. */
export const MentionsAddedSubscription = graphql(
  `
  subscription MentionsAdded($filter: MentionFilterInput, $after: String) {
    mentionsAdded(filter: $filter, after: $after) {
      cursor
      kind
      mention { ...MentionFields }
    }
  }
`,
  [MentionFields],
);

/** The live feed's latest cursor: list and subscribe after it, and nothing falls between. */
export const MentionFeedCursorQuery = graphql(`
  query MentionFeedCursor {
    mentionFeedCursor
  }
`);

/** Brand names for `brandIds` and the brand filter (a tenant tracks a handful of brands). */
export const BrandNamesQuery = graphql(`
  query BrandNames {
    brands(first: 100) {
      edges { node { id name kind } }
    }
  }
`);

export const ReplyToMentionMutation = graphql(`
  mutation ReplyToMention($mentionId: ID!, $text: String!) {
    replyToMention(mentionId: $mentionId, text: $text) { id kind body occurredAt }
  }
`);

export const AssignMentionMutation = graphql(
  `
  mutation AssignMention($mentionId: ID!, $userId: ID) {
    assignMention(mentionId: $mentionId, userId: $userId) { ...MentionFields }
  }
`,
  [MentionFields],
);

export const MarkAuthorAsLeadMutation = graphql(`
  mutation MarkAuthorAsLead($mentionId: ID!) {
    markAuthorAsLead(mentionId: $mentionId) { id displayName lifecycleStage }
  }
`);

/**
 * Who a mention can be assigned to: everyone with access who can act (managers read them,
 * agency staff included), or just the caller.
 */
export const AssigneesQuery = graphql(`
  query Assignees($withMembers: Boolean!) {
    me { user { id name } }
    peopleWithAccess @include(if: $withMembers) { role user { id name } }
  }
`);

/** An author's other mentions (the drawer's history), newest first. */
export const AuthorMentionsQuery = graphql(
  `
  query AuthorMentions($first: Int!, $filter: MentionFilterInput) {
    mentions(first: $first, filter: $filter) {
      edges { node { ...MentionFields } }
      totalCount
    }
  }
`,
  [MentionFields],
);

/** The mention's contact and its timeline, newest first. */
export const MentionContactQuery = graphql(`
  query MentionContact($id: ID!) {
    contact(id: $id) { id displayName lifecycleStage createdAt }
    contactTimeline(contactId: $id, first: 20) {
      edges { node { id kind body channel mentionId occurredAt } }
      totalCount
    }
  }
`);

export const SavedViewFields = graphql(`
  fragment SavedViewFields on SavedMentionView {
    id
    name
    updatedAt
    filter { search from to authorHandle brandIds channels languages sentiments }
  }
`);

/** The signed-in user's saved views in the active tenant, by name. */
export const SavedMentionViewsQuery = graphql(
  `
  query SavedMentionViews {
    savedMentionViews { ...SavedViewFields }
  }
`,
  [SavedViewFields],
);

export const CreateSavedMentionViewMutation = graphql(
  `
  mutation CreateSavedMentionView($input: CreateSavedMentionViewInput!) {
    createSavedMentionView(input: $input) { ...SavedViewFields }
  }
`,
  [SavedViewFields],
);

export const UpdateSavedMentionViewMutation = graphql(
  `
  mutation UpdateSavedMentionView($id: ID!, $input: UpdateSavedMentionViewInput!) {
    updateSavedMentionView(id: $id, input: $input) { ...SavedViewFields }
  }
`,
  [SavedViewFields],
);

export const DeleteSavedMentionViewMutation = graphql(`
  mutation DeleteSavedMentionView($id: ID!) {
    deleteSavedMentionView(id: $id)
  }
`);

/** Bulk actions: one result per id, in order; a bad id does not stop the others. */
export const AssignMentionsMutation = graphql(`
  mutation AssignMentions($mentionIds: [ID!]!, $userId: ID) {
    assignMentions(mentionIds: $mentionIds, userId: $userId) { mentionId ok errorCode errorMessage }
  }
`);

export const MarkAuthorsAsLeadsMutation = graphql(`
  mutation MarkAuthorsAsLeads($mentionIds: [ID!]!) {
    markAuthorsAsLeads(mentionIds: $mentionIds) { mentionId ok errorCode errorMessage }
  }
`);

export type Mention = ResultOf<typeof MentionFields>;
export type SavedView = ResultOf<typeof SavedViewFields>;
export type TimelineEntry = ResultOf<
  typeof MentionContactQuery
>['contactTimeline']['edges'][number]['node'];
export type BulkResult = ResultOf<typeof AssignMentionsMutation>['assignMentions'][number];
export type MentionFeedEvent = ResultOf<typeof MentionsAddedSubscription>['mentionsAdded'][number];
export type MentionFilter = NonNullable<VariablesOf<typeof MentionsQuery>['filter']>;
export type MentionChannel = Mention['channel'];
export type Sentiment = Mention['sentiment'];
