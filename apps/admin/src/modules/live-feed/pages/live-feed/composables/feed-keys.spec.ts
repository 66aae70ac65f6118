import { describe, expect, it } from 'vitest';
import { FEED_SHORTCUTS, feedShortcut, isTypingTarget, moveSelection } from './feed-keys.js';

describe('feedShortcut', () => {
  it('maps each documented key to its action', () => {
    expect(feedShortcut({ key: 'j' }, false)).toBe('next');
    expect(feedShortcut({ key: 'k' }, false)).toBe('previous');
    expect(feedShortcut({ key: 'Enter' }, false)).toBe('open');
    expect(feedShortcut({ key: 'o' }, false)).toBe('open');
    expect(feedShortcut({ key: 'r' }, false)).toBe('reply');
    expect(feedShortcut({ key: 'a' }, false)).toBe('assign');
    expect(feedShortcut({ key: 'x' }, false)).toBe('toggle');
    expect(feedShortcut({ key: '/' }, false)).toBe('search');
    expect(feedShortcut({ key: '?' }, false)).toBe('help');
    expect(feedShortcut({ key: 'q' }, false)).toBeNull();
    expect(FEED_SHORTCUTS.map((s) => s.action)).toHaveLength(8);
  });

  it('never fires while typing or with Ctrl, ⌘ or Alt', () => {
    expect(feedShortcut({ key: 'j' }, true)).toBeNull();
    expect(feedShortcut({ key: 'r', ctrlKey: true }, false)).toBeNull();
    expect(feedShortcut({ key: 'a', metaKey: true }, false)).toBeNull();
    expect(feedShortcut({ key: 'x', altKey: true }, false)).toBeNull();
  });
});

describe('isTypingTarget', () => {
  const element = (tagName: string, role: string | null = null, isContentEditable = false) => ({
    tagName,
    isContentEditable,
    getAttribute: (name: string) => (name === 'role' ? role : null),
  });
  it('knows text fields, selects, editable elements and combo boxes', () => {
    expect(isTypingTarget(element('INPUT'))).toBe(true);
    expect(isTypingTarget(element('textarea'))).toBe(true);
    expect(isTypingTarget(element('SELECT'))).toBe(true);
    expect(isTypingTarget(element('DIV', null, true))).toBe(true);
    expect(isTypingTarget(element('SPAN', 'combobox'))).toBe(true);
    expect(isTypingTarget(element('ARTICLE'))).toBe(false);
    expect(isTypingTarget(element('BUTTON'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('moveSelection', () => {
  it('starts at the top or bottom and stays inside the list', () => {
    expect(moveSelection(-1, 1, 3)).toBe(0);
    expect(moveSelection(-1, -1, 3)).toBe(2);
    expect(moveSelection(0, -1, 3)).toBe(0);
    expect(moveSelection(1, 1, 3)).toBe(2);
    expect(moveSelection(2, 1, 3)).toBe(2);
    expect(moveSelection(0, 1, 0)).toBe(-1);
  });
});
