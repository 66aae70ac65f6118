import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';

export const CompanyFields = graphql(`
  fragment CompanyFields on Company {
    id
    name
    domain
    industry
    size
    customFields { key value }
    externalId
    contactCount
    createdAt
    updatedAt
  }
`);
export type Company = ResultOf<typeof CompanyFields>;
export type CompanySize = NonNullable<Company['size']>;

export const CompaniesQuery = graphql(
  `
  query Companies($first: Int!, $after: String, $search: String, $sort: CompanySort) {
    companies(first: $first, after: $after, search: $search, sort: $sort) {
      edges { cursor node { ...CompanyFields } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`,
  [CompanyFields],
);
export type CompanySort = NonNullable<VariablesOf<typeof CompaniesQuery>['sort']>;

export const CompanyQuery = graphql(
  `
  query Company($id: ID!, $first: Int!, $after: String) {
    company(id: $id) {
      ...CompanyFields
      contacts(first: $first, after: $after) {
        edges { cursor node { role linkedAt contact { id displayName emails lifecycleStage } } }
        pageInfo { endCursor hasNextPage }
      }
    }
  }
`,
  [CompanyFields],
);
export type CompanyMember = NonNullable<
  ResultOf<typeof CompanyQuery>['company']
>['contacts']['edges'][number]['node'];

export const CreateCompanyMutation = graphql(
  `
  mutation CreateCompany($input: CompanyInput!) {
    createCompany(input: $input) { ...CompanyFields }
  }
`,
  [CompanyFields],
);
export type CompanyInput = VariablesOf<typeof CreateCompanyMutation>['input'];

export const UpdateCompanyMutation = graphql(
  `
  mutation UpdateCompany($id: ID!, $input: CompanyPatch!) {
    updateCompany(id: $id, input: $input) { ...CompanyFields }
  }
`,
  [CompanyFields],
);

export const DeleteCompanyMutation = graphql(`
  mutation DeleteCompany($id: ID!) {
    deleteCompany(id: $id)
  }
`);

/** Links a contact to a company (or changes their role there); answers the contact's companies. */
export const LinkContactToCompanyMutation = graphql(`
  mutation LinkContactToCompany($contactId: ID!, $companyId: ID!, $role: String) {
    linkContactToCompany(contactId: $contactId, companyId: $companyId, role: $role) {
      id
      companies { company { id name } role }
    }
  }
`);

export const UnlinkContactFromCompanyMutation = graphql(`
  mutation UnlinkContactFromCompany($contactId: ID!, $companyId: ID!) {
    unlinkContactFromCompany(contactId: $contactId, companyId: $companyId) {
      id
      companies { company { id name } role }
    }
  }
`);

/** Companies whose name matches what is typed, for a picker. */
export const CompanyPickerQuery = graphql(`
  query CompanyPicker($search: String) {
    companies(first: 20, search: $search, sort: { field: NAME, direction: ASC }) {
      edges { node { id name domain } }
    }
  }
`);
