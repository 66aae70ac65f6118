import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref, ref } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import {
  AssigneesQuery,
  AssignMentionMutation,
  MarkAuthorAsLeadMutation,
  type Mention,
  ReplyToMentionMutation,
} from '../../../../mentions/mention.documents.js';

export type ActionResult = { ok: true; message: string } | { ok: false; error: AppErrorInfo };

/**
 * Reply (logged on the author's timeline), assign and mark the author as a lead. Managers pick
 * anyone with access who can act, agency staff included; agents (who cannot list people)
 * assign to themselves.
 */
export function useMentionActions(canListMembers: Ref<boolean>, onChanged: (m: Mention) => void) {
  const assignees = useQuery({
    query: AssigneesQuery,
    variables: computed(() => ({ withMembers: canListMembers.value })),
  });
  const reply = useMutation(ReplyToMentionMutation);
  const assign = useMutation(AssignMentionMutation);
  const lead = useMutation(MarkAuthorAsLeadMutation);
  const busy = ref<string | null>(null);

  const people = computed(() => {
    const data = assignees.data.value;
    if (!data) return [];
    // A viewer only reads: never offered as an assignee (the api refuses one too).
    const members = (data.peopleWithAccess ?? [])
      .filter((person) => person.role !== 'VIEWER')
      .map((person) => person.user);
    return members.length ? members : [data.me.user];
  });

  async function run<R>(
    mentionId: string,
    execute: () => Promise<{ data?: R; error?: unknown }>,
    message: (data: R) => string,
  ): Promise<ActionResult> {
    busy.value = mentionId;
    const result = await execute();
    busy.value = null;
    const error = toAppError(result.error);
    if (error || !result.data)
      return {
        ok: false,
        error: error ?? { code: 'INTERNAL_SERVER_ERROR', message: 'no data', fields: [] },
      };
    return { ok: true, message: message(result.data) };
  }

  return {
    people,
    busy,
    reply: (mentionId: string, text: string) =>
      run(
        mentionId,
        () => reply.executeMutation({ mentionId, text }),
        () => 'replied',
      ),
    assign: (mentionId: string, userId: string | null) =>
      run(
        mentionId,
        () => assign.executeMutation({ mentionId, userId }),
        (data) => {
          onChanged(data.assignMention);
          return userId ? 'assigned' : 'unassigned';
        },
      ),
    markLead: (mentionId: string) =>
      run(
        mentionId,
        () => lead.executeMutation({ mentionId }),
        () => 'lead',
      ),
  };
}
