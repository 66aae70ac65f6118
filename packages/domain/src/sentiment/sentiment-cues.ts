import type { SentimentLanguage } from './sentiment-language.js';
import type { PostToken } from './tokenize-post.js';

/** A token with the cues that change how a sentiment word reads. */
export interface CuedToken extends PostToken {
  /** Inside the scope of a negator ("not good"): the word's polarity is likely reversed. */
  readonly negated: boolean;
  /** Right after an intensifier ("very good"): the word's polarity is likely stronger. */
  readonly intensified: boolean;
}

// Closed-class function words, not a sentiment lexicon: the model learns what each cue does.
const NEGATORS: Readonly<Record<SentimentLanguage, ReadonlySet<string>>> = {
  en: new Set([
    'not',
    'no',
    'never',
    'nothing',
    'nobody',
    'none',
    'neither',
    'nor',
    'without',
    'cannot',
    'dont',
    'cant',
    'wont',
    'didnt',
    'doesnt',
    'isnt',
    'wasnt',
    'arent',
    'aint',
    'couldnt',
    'shouldnt',
    'wouldnt',
  ]),
  es: new Set([
    'no',
    'nunca',
    'jamás',
    'jamas',
    'ni',
    'nada',
    'nadie',
    'sin',
    'tampoco',
    'ningún',
    'ninguna',
    'ninguno',
  ]),
  pt: new Set([
    'não',
    'nao',
    'ñ',
    'n',
    'nunca',
    'jamais',
    'nem',
    'nada',
    'ninguém',
    'ninguem',
    'sem',
    'nenhum',
    'nenhuma',
  ]),
  ru: new Set(['не', 'нет', 'ни', 'никогда', 'ничего', 'никто', 'без', 'нельзя', 'нисколько']),
};

const INTENSIFIERS: Readonly<Record<SentimentLanguage, ReadonlySet<string>>> = {
  en: new Set([
    'very',
    'so',
    'really',
    'too',
    'extremely',
    'totally',
    'super',
    'absolutely',
    'truly',
    'incredibly',
    'most',
    'soo',
  ]),
  es: new Set([
    'muy',
    'tan',
    'súper',
    'super',
    'demasiado',
    'bastante',
    're',
    'mucho',
    'muchísimo',
    'tremendamente',
    'realmente',
    'más',
  ]),
  pt: new Set([
    'muito',
    'mt',
    'mto',
    'muita',
    'tão',
    'tao',
    'super',
    'demais',
    'bem',
    'bastante',
    'mais',
    'extremamente',
    'mó',
  ]),
  ru: new Set([
    'очень',
    'так',
    'такой',
    'такая',
    'слишком',
    'супер',
    'совсем',
    'самый',
    'крайне',
    'весьма',
    'безумно',
    'настолько',
    'оч',
  ]),
};

// A negator governs the next few words; a clause break ends it earlier.
const NEGATION_REACH = 3;

function isNegator(word: string, language: SentimentLanguage): boolean {
  return NEGATORS[language].has(word) || (language === 'en' && word.endsWith("n't"));
}

/**
 * Marks, for each token, whether it sits in a negator's scope (up to three words after it,
 * cut at punctuation) and whether an intensifier precedes it. Emoji are never negated:
 * "not happy 😡" keeps the emoji's own reading.
 */
export function markSentimentCues(
  tokens: readonly PostToken[],
  language: SentimentLanguage,
): CuedToken[] {
  let reachLeft = 0;
  let previousIntensifies = false;
  // Same-shaped literals rather than `{ ...token }`: the spread cost more than the cues.
  return tokens.map(({ text, kind }): CuedToken => {
    if (kind === 'punctuation') {
      reachLeft = 0;
      previousIntensifies = false;
      return { text, kind, negated: false, intensified: false };
    }
    const isWord = kind === 'word';
    const cued = { text, kind, negated: isWord && reachLeft > 0, intensified: previousIntensifies };
    if (isWord && isNegator(text, language)) {
      reachLeft = NEGATION_REACH;
    } else if (isWord && reachLeft > 0) {
      reachLeft -= 1;
    }
    previousIntensifies = isWord && INTENSIFIERS[language].has(text);
    return cued;
  });
}
