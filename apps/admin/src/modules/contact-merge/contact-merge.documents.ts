import { graphql, type ResultOf } from '../../graphql.js';
import { ContactDetailFields } from '../contacts/contact.documents.js';

export const MergeContactFields = graphql(
  `
  fragment MergeContactFields on Contact {
    ...ContactDetailFields
    identities { id channel handle }
  }
`,
  [ContactDetailFields],
);

export const MergePlanFields = graphql(`
  fragment MergePlanFields on ContactMergePlan {
    survivorId
    mergedIds
    result {
      displayName
      firstName
      lastName
      emails
      phones
      language
      country
      city
      tags
      lifecycleStage
      externalId
      customFields { key value }
    }
    identityIds
    companyLinks { companyId role fromContactId }
    companyLinksDropped
    timelineEntries
    orders
    engagementEvents
    noteVersions
    mentionsAuthored
  }
`);

export const DuplicateContactsQuery = graphql(
  `
  query DuplicateContacts($first: Int!, $after: String) {
    duplicateContacts(first: $first, after: $after) {
      edges { node { id reasons score contacts { ...MergeContactFields } } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [MergeContactFields],
);

export type DuplicateSuggestion = ResultOf<
  typeof DuplicateContactsQuery
>['duplicateContacts']['edges'][number]['node'];

// A suggestion is a pair: the preview also names the companies of both (too deep to list with
// every suggestion under the api's query depth limit).
export const ContactMergePreviewQuery = graphql(
  `
  query ContactMergePreview($survivorId: ID!, $mergedId: ID!) {
    contactMergePreview(survivorId: $survivorId, mergedIds: [$mergedId]) { ...MergePlanFields }
    survivor: contact(id: $survivorId) { id companies { role company { id name } } }
    merged: contact(id: $mergedId) { id companies { role company { id name } } }
  }
`,
  [MergePlanFields],
);

export const MergeContactsMutation = graphql(
  `
  mutation MergeContacts($survivorId: ID!, $mergedIds: [ID!]!) {
    mergeContacts(survivorId: $survivorId, mergedIds: $mergedIds) {
      merge { id }
      contact { id displayName }
    }
  }
`,
);

export const DismissDuplicateMutation = graphql(`
  mutation DismissDuplicate($contactIds: [ID!]!) {
    dismissDuplicate(contactIds: $contactIds)
  }
`);

export const ContactMergesQuery = graphql(`
  query ContactMerges($first: Int!, $after: String) {
    contactMerges(first: $first, after: $after) {
      edges {
        node {
          id survivorId mergedIds mergedById mergedAt
          plan { result { displayName } identityIds timelineEntries orders }
        }
      }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);
