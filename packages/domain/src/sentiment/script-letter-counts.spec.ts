import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countScriptLetters } from './script-letter-counts.js';

describe(countScriptLetters.name, () => {
  it('counts as matching \\p{Script=Cyrillic} and \\p{Script=Latin} over code points does', () => {
    // 'binary' units include lone surrogates; astral Cyrillic (U+1E030) and Latin (U+1DF00) too.
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom('a', 'Ж', 'ё', '\u{1E030}', '\u{1DF00}', '😍', '\uD800') }),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(countScriptLetters(value)).toEqual({
          cyrillic: value.match(/\p{Script=Cyrillic}/gu)?.length ?? 0,
          latin: value.match(/\p{Script=Latin}/gu)?.length ?? 0,
        });
      }),
    );
  });

  it('counts a mixed post', () => {
    expect(countScriptLetters('@handle ахах да')).toEqual({ cyrillic: 6, latin: 6 });
  });
});
