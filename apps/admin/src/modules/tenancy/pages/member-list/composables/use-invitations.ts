import { useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import type { TenantRole } from '../../../../../lib/roles.js';
import {
  InvitationsQuery,
  InviteMemberMutation,
  RevokeInvitationMutation,
} from '../../../member.documents.js';

const INVITATION_TYPES = { additionalTypenames: ['Invitation'] };

/** The link an invitee opens; the token is shown only once, right after inviting. */
export function invitationLink(token: string, origin = location.origin): string {
  return `${origin}/accept-invitation?token=${encodeURIComponent(token)}`;
}

/** Pending invitations (owners only), inviting and revoking. */
export function useInvitations(enabled: () => boolean) {
  const query = useQuery({
    query: InvitationsQuery,
    context: INVITATION_TYPES,
    pause: computed(() => !enabled()),
    requestPolicy: 'cache-and-network',
  });
  const invite = useMutation(InviteMemberMutation);
  const revoke = useMutation(RevokeInvitationMutation);
  const inviteError = ref<AppErrorInfo | null>(null);
  const revokeError = ref<AppErrorInfo | null>(null);
  const createdLink = ref<string | null>(null);

  const invitations = computed(() =>
    (query.data.value?.invitations ?? []).filter((invitation) => !invitation.acceptedAt),
  );

  async function inviteMember(email: string, role: TenantRole): Promise<boolean> {
    createdLink.value = null;
    const result = await invite.executeMutation(
      { input: { email: email.trim(), role } },
      INVITATION_TYPES,
    );
    inviteError.value = toAppError(result.error);
    const token = result.data?.inviteMember.token;
    if (token) createdLink.value = invitationLink(token);
    return !result.error;
  }

  async function revokeInvitation(id: string): Promise<void> {
    const result = await revoke.executeMutation({ id }, INVITATION_TYPES);
    revokeError.value = toAppError(result.error);
  }

  return {
    invitations,
    error: computed(() => toAppError(query.error.value)),
    inviting: invite.fetching,
    inviteError,
    revokeError,
    createdLink,
    inviteMember,
    revokeInvitation,
  };
}
