import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';

export const TimelineEventFields = graphql(`
  fragment TimelineEventFields on TimelineEvent {
    id
    kind
    channel
    cause
    actorId
    actor { id name email }
    subjectId
    body
    occurredAt
    editedAt
  }
`);
export type TimelineEvent = ResultOf<typeof TimelineEventFields>;
export type TimelineEventKind = TimelineEvent['kind'];

export const ContactTimelineQuery = graphql(
  `
  query ContactTimeline($contactId: ID!, $first: Int!, $after: String, $filter: TimelineFilter) {
    contactTimeline(contactId: $contactId, first: $first, after: $after, filter: $filter) {
      edges { cursor node { ...TimelineEventFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [TimelineEventFields],
);

export const AddNoteMutation = graphql(
  `
  mutation AddNote($contactId: ID!, $body: String!) {
    addNote(contactId: $contactId, body: $body) { ...TimelineEventFields }
  }
`,
  [TimelineEventFields],
);

export const EditNoteMutation = graphql(
  `
  mutation EditNote($id: ID!, $body: String!) {
    editNote(id: $id, body: $body) { ...TimelineEventFields }
  }
`,
  [TimelineEventFields],
);

export const NoteVersionsQuery = graphql(`
  query NoteVersions($id: ID!) {
    noteVersions(id: $id) { version body writtenBy writtenAt }
  }
`);

export const LogInteractionMutation = graphql(
  `
  mutation LogInteraction($contactId: ID!, $input: InteractionInput!) {
    logInteraction(contactId: $contactId, input: $input) { ...TimelineEventFields }
  }
`,
  [TimelineEventFields],
);
export type InteractionInput = VariablesOf<typeof LogInteractionMutation>['input'];

export const ContactOrdersQuery = graphql(`
  query ContactOrders($contactId: ID!, $first: Int!, $after: String) {
    orders(first: $first, after: $after, filter: { contactId: $contactId }) {
      edges { node { id externalId orderedAt amount currency reportingAmount itemCount } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);

export const ContactEngagementQuery = graphql(`
  query ContactEngagement($contactId: ID!, $first: Int!) {
    engagementEvents(first: $first, filter: { contactId: $contactId }) {
      edges { node { id kind campaign url occurredAt } }
      totalCount
    }
  }
`);
