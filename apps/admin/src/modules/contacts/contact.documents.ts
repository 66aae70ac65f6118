import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';

/** A contact as a list row shows it. */
export const ContactRowFields = graphql(`
  fragment ContactRowFields on Contact {
    id
    displayName
    emails
    country
    language
    tags
    ownerId
    lifecycleStage
    emailConsent { granted }
    companies { company { id name } }
    createdAt
  }
`);
export type ContactRow = ResultOf<typeof ContactRowFields>;

/** A contact's own details, as its page and the merge review both show them. */
export const ContactDetailFields = graphql(`
  fragment ContactDetailFields on Contact {
    id
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
    orderCount
    createdAt
  }
`);

/** A contact as its page shows and edits it. */
export const ContactFields = graphql(
  `
  fragment ContactFields on Contact {
    ...ContactDetailFields
    ownerId
    emailConsent { granted at source }
    socialConsent { granted at source }
    customFields { key value }
    identities { id channel handle externalId profileUrl displayName followers lastSeenAt }
    companies { company { id name } role }
    totalSpent
    updatedAt
  }
`,
  [ContactDetailFields],
);
export type Contact = ResultOf<typeof ContactFields>;
export type SocialIdentity = Contact['identities'][number];

export const ContactsQuery = graphql(
  `
  query Contacts($first: Int!, $after: String, $search: String, $filter: ContactFilter, $sort: ContactSort) {
    contacts(first: $first, after: $after, search: $search, filter: $filter, sort: $sort) {
      edges { cursor node { ...ContactRowFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [ContactRowFields],
);
export type ContactsVariables = VariablesOf<typeof ContactsQuery>;
export type ContactFilter = NonNullable<ContactsVariables['filter']>;
export type ContactSort = NonNullable<ContactsVariables['sort']>;

export const ContactQuery = graphql(
  `
  query Contact($id: ID!) {
    contact(id: $id) { ...ContactFields }
  }
`,
  [ContactFields],
);

export const CreateContactMutation = graphql(
  `
  mutation CreateContact($input: ContactInput!) {
    createContact(input: $input) { ...ContactFields }
  }
`,
  [ContactFields],
);
export type ContactInput = VariablesOf<typeof CreateContactMutation>['input'];

export const UpdateContactMutation = graphql(
  `
  mutation UpdateContact($id: ID!, $input: ContactPatch!) {
    updateContact(id: $id, input: $input) { ...ContactFields }
  }
`,
  [ContactFields],
);

export const DeleteContactsMutation = graphql(`
  mutation DeleteContacts($ids: [ID!]!) {
    deleteContacts(ids: $ids)
  }
`);

export const TagContactsMutation = graphql(`
  mutation TagContacts($ids: [ID!]!, $add: [String!], $remove: [String!]) {
    tagContacts(ids: $ids, add: $add, remove: $remove)
  }
`);

export const AssignContactsMutation = graphql(`
  mutation AssignContacts($ids: [ID!]!, $ownerId: ID) {
    assignContacts(ids: $ids, ownerId: $ownerId)
  }
`);

export const AddSocialIdentityMutation = graphql(`
  mutation AddSocialIdentity($contactId: ID!, $input: SocialIdentityInput!) {
    addSocialIdentity(contactId: $contactId, input: $input) { id }
  }
`);
export type IdentityChannel = VariablesOf<typeof AddSocialIdentityMutation>['input']['channel'];

export const RemoveSocialIdentityMutation = graphql(`
  mutation RemoveSocialIdentity($id: ID!) {
    removeSocialIdentity(id: $id)
  }
`);

export const SavedContactViewsQuery = graphql(`
  query SavedContactViews {
    savedContactViews {
      id
      name
      search
      filter {
        tags ownerId lifecycleStages countries languages companyId emailConsent channels
        createdFrom createdTo custom { key equals } rfmRecency rfmFrequency engagementRecency engagementFrequency
      }
      sort { field direction }
    }
  }
`);
export type SavedContactView = ResultOf<typeof SavedContactViewsQuery>['savedContactViews'][number];

export const CreateSavedContactViewMutation = graphql(`
  mutation CreateSavedContactView($input: SavedContactViewInput!) {
    createSavedContactView(input: $input) { id name }
  }
`);

export const DeleteSavedContactViewMutation = graphql(`
  mutation DeleteSavedContactView($id: ID!) {
    deleteSavedContactView(id: $id)
  }
`);

/** The tenant's people who may own contacts (the owner filter and "assign owner"). */
export const ContactOwnersQuery = graphql(`
  query ContactOwners {
    members(first: 100) {
      edges { node { role user { id name email } } }
    }
  }
`);
