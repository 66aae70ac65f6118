import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze-sentiment.js';

describe(analyzeSentiment.name, () => {
  it.each([
    ['es', 'Me encanta, qué maravilla, muchas gracias 😍', 'positive'],
    ['es', 'Qué asco de servicio, horrible, nunca más', 'negative'],
    ['en', 'I love this, best day ever, thank you so much!', 'positive'],
    ['en', 'This is terrible, worst service ever, I hate it', 'negative'],
    ['pt', 'Adorei, que lindo, maravilhoso demais', 'positive'],
    ['pt', 'Que horror, péssimo, odeio esse programa', 'negative'],
    ['ru', 'Спасибо большое, очень люблю, отлично', 'positive'],
    ['ru', 'Ужасно, ненавижу, отвратительный сервис', 'negative'],
  ])('labels an obvious %s post %s', (language, text, label) => {
    const sut = analyzeSentiment(text);
    expect(sut.language).toBe(language);
    expect(sut.label).toBe(label);
  });

  it('scores a negated positive word lower than the plain one', () => {
    for (const [plain, negated] of [
      ['good', 'not good'],
      ['me gusta', 'no me gusta'],
      ['gostei', 'não gostei'],
      ['нравится', 'не нравится'],
    ] as const) {
      const language = { good: 'en', 'me gusta': 'es', gostei: 'pt', нравится: 'ru' } as const;
      const options = { language: language[plain] };
      expect(analyzeSentiment(negated, options).score).toBeLessThan(
        analyzeSentiment(plain, options).score,
      );
    }
  });

  it('reads emoji', () => {
    expect(analyzeSentiment('day off 😍😍', { language: 'en' }).score).toBeGreaterThan(
      analyzeSentiment('day off 😡😡', { language: 'en' }).score,
    );
  });

  it('reads the words inside a hashtag', () => {
    expect(analyzeSentiment('#NoMeGusta', { language: 'es' }).score).toBeLessThan(
      analyzeSentiment('#MeGusta', { language: 'es' }).score,
    );
  });

  it('scores an emoji-only post with all four models', () => {
    const sut = analyzeSentiment('😍😍😍');
    expect(sut.language).toBe('und');
    expect(sut.label).toBe('positive');
  });

  it('keeps the score in [-1, 1], never throws, and agrees with the label', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
        const sut = analyzeSentiment(text);
        const sum = sut.probabilities.reduce((a, b) => a + b, 0);
        return (
          sut.score >= -1 &&
          sut.score <= 1 &&
          Math.abs(sum - 1) < 1e-9 &&
          (sut.label !== 'positive' || sut.score > 0) &&
          (sut.label !== 'negative' || sut.score < 0)
        );
      }),
    );
  });
});
