import type { InjectionKey } from 'vue';
import type { useMentionActions } from './use-mention-actions.js';

/** Provided by the feed page for AGENT and up; absent (no actions shown) for viewers. */
export const MentionActionsKey: InjectionKey<ReturnType<typeof useMentionActions>> =
  Symbol('mention-actions');
