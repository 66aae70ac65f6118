import { describe, expect, it } from 'vitest';
import { textLength } from './text-length.js';

describe(textLength.name, () => {
  it('counts code points: an emoji or an astral letter is one character', () => {
    expect(textLength('café')).toBe(4);
    expect(textLength('☕🙂')).toBe(2);
    expect('☕🙂'.length).toBe(3);
    expect(textLength('𝒜b')).toBe(2);
    expect(textLength('')).toBe(0);
  });
});
