import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze-sentiment.js';
import { detectLanguage } from './detect-language.js';
import type { SentimentLabel } from './sentiment-label.js';
import type { SentimentLanguage } from './sentiment-language.js';

// Results recorded with the implementation before the speed-up (commit d6b5f46): the faster
// code must give the same language, confidence, label and score to the last bit.
// [language, post, detection confidence, label, score]
const RECORDED: ReadonlyArray<
  readonly [SentimentLanguage | 'und', string, number, SentimentLabel, number]
> = [
  [
    'es',
    'Me encanta este lugar, la comida es buenísima 😍',
    0.4160514049205479,
    'positive',
    0.7668266720315332,
  ],
  [
    'es',
    'No me gustó nada la atención, muy lentos',
    0.44284278278758343,
    'negative',
    -0.14614036355864451,
  ],
  [
    'es',
    'Qué día tan largo... mañana será otro día',
    0.4707548914572592,
    'negative',
    -0.596225392184229,
  ],
  [
    'es',
    'Sin palabras!!! increíble concierto #MasterChef',
    0.38906330510228165,
    'positive',
    0.1669944111114497,
  ],
  [
    'es',
    '@soporte llevo tres días sin internet, una vergüenza https://t.co/abc',
    0.4873924039293661,
    'neutral',
    -0.07140721397174382,
  ],
  ['es', 'Holaaaa amigos, ¿cómo están? jajaja', 0.5584658559401309, 'neutral', 0.08747684982170803],
  [
    'es',
    'El servicio no es malo, pero tampoco es muy bueno',
    0.48845934281520803,
    'neutral',
    -0.0894786895814815,
  ],
  [
    'es',
    'Gracias por todo, sois los mejores ❤️',
    0.5337335790287107,
    'positive',
    0.9321238793871496,
  ],
  [
    'en',
    "I can't believe how good this is, seriously 👍🏽",
    0.6933033846776923,
    'positive',
    0.024226167413586797,
  ],
  [
    'en',
    'worst customer service ever. never again :(',
    0.5483658360747423,
    'negative',
    -0.6749774215096568,
  ],
  ['en', 'The meeting moved to 10:30 tomorrow', 0.7777551862157907, 'neutral', 0.1956770342447765],
  ['en', 'soooo happy right now!!! <3', 1, 'positive', 0.6903216378563285],
  [
    'en',
    '@airline my flight got cancelled #NotHappy https://t.co/x',
    0.6216130218885085,
    'negative',
    -0.4029808848527454,
  ],
  [
    'en',
    "it's not bad at all, actually pretty nice",
    0.5185851674009011,
    'negative',
    -0.7942470863198111,
  ],
  ['en', 'i\\u2019m so tired of this &amp; that', 1, 'negative', -0.6715350079760267],
  ['en', 'Really really love the new update', 0.5592098185403352, 'positive', 0.5878124034419998],
  [
    'pt',
    'Adorei o atendimento, muito obrigado! 😊',
    0.4683975405538996,
    'positive',
    0.8967397866152349,
  ],
  [
    'pt',
    'Não gostei, péssimo produto, nunca mais compro',
    0.4349790777198245,
    'negative',
    -0.6894378336249919,
  ],
  [
    'pt',
    'Hoje vai chover o dia todo em São Paulo',
    0.5228801237898167,
    'neutral',
    -0.1391186544896552,
  ],
  [
    'pt',
    '#MasterChefBR tá top demais kkkkk',
    0.38112902099252965,
    'negative',
    -0.019283538219043883,
  ],
  ['pt', 'que saudade de vocês, muito amor ❤', 0.47846230177974897, 'positive', 0.603257195831309],
  ['pt', 'ñ aguento mais esse trânsito 😡😡', 0.6052056130635874, 'negative', -0.3356885986755048],
  [
    'pt',
    'O jogo foi bem chato, ninguém jogou nada',
    0.6043984864765766,
    'neutral',
    -0.2509571423601622,
  ],
  ['pt', '@loja meu pedido ainda não chegou', 0.6153029004402729, 'negative', -0.6908826778799617],
  ['ru', 'Спасибо большое, всё очень понравилось!', 1, 'positive', 0.9460227408671931],
  ['ru', 'Ужасный сервис, никогда больше не приду 😡', 1, 'negative', -0.7373800222910131],
  ['ru', 'Завтра будет дождь, возьмите зонт', 1, 'positive', 0.4088322827123826],
  ['ru', '@some_long_handle ахах да https://t.co/xyz', 1, 'positive', 0.6966633825924758],
  ['ru', 'Не очень понравился фильм, скучно', 1, 'negative', -0.1428723867139473],
  ['ru', 'Ооочень круто!!! #Москва', 1, 'positive', 0.8534054188564602],
  ['ru', 'Мне так грустно сегодня :(', 1, 'negative', -0.6710802497684892],
  ['ru', 'С днём рождения, дорогая! 🎉', 1, 'positive', 0.9148721963942216],
  ['und', '😍😍😍', 0, 'positive', 0.7814917012127962],
  ['und', '😡 👎 123', 0, 'negative', -0.27096527473860377],
];

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

  it.each(RECORDED)(
    'gives the recorded result for a %s post: %s',
    (language, text, confidence, label, score) => {
      expect(detectLanguage(text)).toEqual({ language, confidence });
      const detected = analyzeSentiment(text);
      expect([detected.language, detected.label, detected.score]).toEqual([language, label, score]);
      if (language !== 'und') {
        const given = analyzeSentiment(text, { language });
        expect([given.label, given.score]).toEqual([label, score]);
      }
    },
  );

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
