/** What a key does on the feed. */
export type FeedShortcut =
  | 'next'
  | 'previous'
  | 'open'
  | 'reply'
  | 'assign'
  | 'toggle'
  | 'search'
  | 'help';

/** The shortcuts in the order the help dialog lists them, with the keys that fire each. */
export const FEED_SHORTCUTS: readonly { action: FeedShortcut; keys: readonly string[] }[] = [
  { action: 'next', keys: ['j'] },
  { action: 'previous', keys: ['k'] },
  { action: 'open', keys: ['Enter', 'o'] },
  { action: 'reply', keys: ['r'] },
  { action: 'assign', keys: ['a'] },
  { action: 'toggle', keys: ['x'] },
  { action: 'search', keys: ['/'] },
  { action: 'help', keys: ['?'] },
];

const BY_KEY = new Map<string, FeedShortcut>(
  FEED_SHORTCUTS.flatMap(({ action, keys }) => keys.map((key) => [key, action] as const)),
);

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * The shortcut a key press means, or null: never while typing (in an input, a text area, a
 * select or an editable element), never with Ctrl, ⌘ or Alt (the browser's own shortcuts).
 * Shift is allowed: "?" is Shift+/ on most layouts.
 */
export function feedShortcut(event: KeyLike, typing: boolean): FeedShortcut | null {
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return null;
  return BY_KEY.get(event.key) ?? null;
}

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
}

const TYPING_ROLES = new Set([
  'textbox',
  'combobox',
  'searchbox',
  'listbox',
  'option',
  'spinbutton',
]);

/** Whether keys pressed on this element are text (or a widget's own keys), not shortcuts. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (target.isContentEditable) return true;
  const role = target.getAttribute?.('role');
  return !!role && TYPING_ROLES.has(role);
}

/** The index after a move, kept inside the list; -1 when the list is empty. */
export function moveSelection(current: number, step: 1 | -1, length: number): number {
  if (length <= 0) return -1;
  if (current < 0) return step > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + step));
}
