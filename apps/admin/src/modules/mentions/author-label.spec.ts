import { describe, expect, it } from 'vitest';
import { authorLabel, isReachKnown } from './author-label.js';

describe('authorLabel', () => {
  it('names an author without a display name by the handle once', () => {
    expect(authorLabel({ handle: 'x', displayName: null })).toEqual({ name: '@x', handle: null });
    expect(authorLabel({ handle: '@x', displayName: '' })).toEqual({ name: '@x', handle: null });
    expect(authorLabel({ handle: 'x', displayName: 'x' })).toEqual({ name: '@x', handle: null });
  });

  it('shows the display name with the handle beside it', () => {
    expect(authorLabel({ handle: 'ana', displayName: 'Ana Ruiz' })).toEqual({
      name: 'Ana Ruiz',
      handle: '@ana',
    });
  });
});

describe('isReachKnown', () => {
  it('treats 0 without a follower count as unknown, a reported audience as known', () => {
    expect(isReachKnown(0, null)).toBe(false);
    expect(isReachKnown(0, 0)).toBe(true);
    expect(isReachKnown(12, null)).toBe(true);
  });
});
