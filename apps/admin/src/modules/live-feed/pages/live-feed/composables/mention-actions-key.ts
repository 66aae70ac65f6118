import type { InjectionKey, Ref } from 'vue';
import type { useMentionActions } from './use-mention-actions.js';

/** Provided by the feed page for AGENT and up; absent (no actions shown) for viewers. */
export const MentionActionsKey: InjectionKey<ReturnType<typeof useMentionActions>> =
  Symbol('mention-actions');

/** A keyboard command for one mention's actions: where it is shown (list or drawer). */
export interface FeedCommand {
  kind: 'reply' | 'assign';
  mentionId: string;
  place: 'list' | 'drawer';
  /** Increases with each command, so the same one twice still fires. */
  seq: number;
}

export const FeedCommandKey: InjectionKey<Ref<FeedCommand | null>> = Symbol('feed-command');
