import { describe, expect, it } from 'vitest';
import { tokenizePost } from './tokenize-post.js';

describe(tokenizePost.name, () => {
  it('lower-cases words and keeps apostrophes inside them', () => {
    expect(tokenizePost('Don’t GO')).toEqual([
      { text: "don't", kind: 'word' },
      { text: 'go', kind: 'word' },
    ]);
  });

  it('reads emoji, emoji sequences and emoticons as emoji, without skin tones', () => {
    const tokens = tokenizePost('ok 😍👍🏽 :( <3');
    expect(tokens.filter((token) => token.kind === 'emoji').map((token) => token.text)).toEqual([
      '😍',
      '👍',
      ':(',
      '<3',
    ]);
  });

  it('does not read a clock time as an emoticon', () => {
    expect(tokenizePost('10:30').map((token) => token.kind)).toEqual([
      'word',
      'punctuation',
      'word',
    ]);
  });

  it('cuts punctuation runs to two characters', () => {
    expect(tokenizePost('wow!!!!!')).toEqual([
      { text: 'wow', kind: 'word' },
      { text: '!!', kind: 'punctuation' },
    ]);
  });

  it('reads Cyrillic words', () => {
    expect(tokenizePost('Очень ХОРОШО')).toEqual([
      { text: 'очень', kind: 'word' },
      { text: 'хорошо', kind: 'word' },
    ]);
  });
});
