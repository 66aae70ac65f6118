import { graphql } from '../../graphql.js';

export const MembersQuery = graphql(`
  query Members($first: Int!, $after: String) {
    members(first: $first, after: $after) {
      edges { node { id role createdAt user { id name email } } }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($userId: ID!, $role: TenantRole!) {
    changeMemberRole(userId: $userId, role: $role) { id role user { id name email } }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($userId: ID!) {
    removeMember(userId: $userId)
  }
`);

export const InvitationsQuery = graphql(`
  query Invitations {
    invitations { id email role createdAt expiresAt acceptedAt }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      token
      invitation { id email role createdAt expiresAt acceptedAt }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`);

/** Everyone with access; the page shows those who come through the agency alone. */
export const PeopleWithAccessQuery = graphql(`
  query PeopleWithAccess {
    peopleWithAccess { role directRole agencyRole user { id name email } }
  }
`);
