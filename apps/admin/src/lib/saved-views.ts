import { ref, shallowRef } from 'vue';
import { type AppErrorInfo, toAppError } from './graphql-errors.js';

/** What the name dialog of a saved-views picker is doing. */
export type SavedViewDialog = 'create' | 'rename';

/**
 * The state every saved-views picker shares: the name dialog and the last mutation's error.
 * `reload` refetches the picker's list after each mutation.
 */
export function useSavedViewActions(reload: () => void) {
  const error = shallowRef<AppErrorInfo | null>(null);
  const dialog = ref<SavedViewDialog | null>(null);

  function openDialog(mode: SavedViewDialog): void {
    error.value = null;
    dialog.value = mode;
  }
  function setDialogOpen(open: boolean): void {
    if (!open) dialog.value = null;
  }
  /** Keeps a mutation's error and reloads the list; true when the mutation succeeded. */
  async function settle(pending: Promise<{ error?: unknown }>): Promise<boolean> {
    const result = await pending;
    error.value = toAppError(result.error);
    reload();
    return error.value === null;
  }
  /** Settles a create or rename, closing the dialog when the api accepts the name. */
  async function save(pending: Promise<{ error?: unknown }>): Promise<void> {
    if (await settle(pending)) dialog.value = null;
  }

  return { error, dialog, openDialog, setDialogOpen, settle, save };
}
