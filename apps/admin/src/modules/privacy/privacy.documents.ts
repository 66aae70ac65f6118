import { graphql, type ResultOf } from '../../graphql.js';

export const PrivacyContactSearchQuery = graphql(`
  query PrivacyContactSearch($search: String, $first: Int!) {
    contacts(search: $search, first: $first) {
      edges { node { id displayName emails } }
    }
  }
`);

export const PrivacyContactQuery = graphql(`
  query PrivacyContact($id: ID!) {
    contact(id: $id) { id displayName emails }
  }
`);

export type PrivacyContact = ResultOf<typeof PrivacyContactQuery>['contact'];

export const ContactPersonalDataMutation = graphql(`
  mutation ContactPersonalData($contactId: ID!) {
    contactPersonalData(contactId: $contactId)
  }
`);

export const PrivacyRequestFields = graphql(`
  fragment PrivacyRequestFields on PrivacyRequest {
    id
    kind
    contactId
    reason
    requestedAt
    requestedBy
    counts { table rows }
  }
`);

export type PrivacyRequest = ResultOf<typeof PrivacyRequestFields>;

export const EraseContactMutation = graphql(
  `
  mutation EraseContact($contactId: ID!, $reason: String!) {
    eraseContact(contactId: $contactId, reason: $reason) { ...PrivacyRequestFields }
  }
`,
  [PrivacyRequestFields],
);

export const PrivacyRequestsQuery = graphql(
  `
  query PrivacyRequests($first: Int!, $after: String) {
    privacyRequests(first: $first, after: $after) {
      edges { node { ...PrivacyRequestFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [PrivacyRequestFields],
);
