import { describe, expect, it } from 'vitest';
import { markSentimentCues } from './sentiment-cues.js';
import { tokenizePost } from './tokenize-post.js';

const negatedWords = (text: string, language: 'es' | 'en' | 'pt' | 'ru') =>
  markSentimentCues(tokenizePost(text), language)
    .filter((token) => token.negated)
    .map((token) => token.text);

describe(markSentimentCues.name, () => {
  it('negates the words after a negator in each language', () => {
    expect(negatedWords('this is not good', 'en')).toEqual(['good']);
    expect(negatedWords("I don't like it", 'en')).toEqual(['like', 'it']);
    expect(negatedWords('no me gusta', 'es')).toEqual(['me', 'gusta']);
    expect(negatedWords('não gostei', 'pt')).toEqual(['gostei']);
    expect(negatedWords('мне не нравится', 'ru')).toEqual(['нравится']);
  });

  it('ends the scope at punctuation and after three words', () => {
    expect(negatedWords('not bad, great', 'en')).toEqual(['bad']);
    expect(negatedWords('not one two three four', 'en')).toEqual(['one', 'two', 'three']);
  });

  it('never negates emoji', () => {
    expect(negatedWords('not happy 😡', 'en')).toEqual(['happy']);
  });

  it('marks the word after an intensifier', () => {
    const tokens = markSentimentCues(tokenizePost('muito bom'), 'pt');
    expect(tokens.map((token) => token.intensified)).toEqual([false, true]);
  });
});
