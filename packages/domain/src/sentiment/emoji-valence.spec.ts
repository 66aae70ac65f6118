import { describe, expect, it } from 'vitest';
import { emojiValence, normalizeEmoji } from './emoji-valence.js';

describe(emojiValence.name, () => {
  it('rates emoji as the emoji-emotion list does', () => {
    // emoji-emotion 3.0.1: heart_eyes 3, rage -4, sob -3.
    expect(emojiValence('😍')).toBe(3);
    expect(emojiValence('😡')).toBe(-4);
    expect(emojiValence('😭')).toBe(-3);
  });

  it('ignores the variation selector', () => {
    expect(emojiValence('❤')).toBe(emojiValence('❤️'));
    expect(emojiValence('❤')).toBeGreaterThan(0);
  });

  it('returns undefined for what it does not rate', () => {
    expect(emojiValence('a')).toBeUndefined();
  });
});

describe(normalizeEmoji.name, () => {
  it('drops skin tones and variation selectors', () => {
    expect(normalizeEmoji('👍🏽')).toBe('👍');
    expect(normalizeEmoji('❤️')).toBe('❤');
  });
});
