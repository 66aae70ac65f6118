import { eld } from 'eld/small';
import {
  isSentimentLanguage,
  SENTIMENT_LANGUAGES,
  type SentimentLanguage,
} from './sentiment-language.js';
import { stripPostNoise } from './strip-post-noise.js';

/** The language of a post, or `und` when it has no letters to judge by. */
export interface DetectedLanguage {
  readonly language: SentimentLanguage | 'und';
  /** In [0, 1]: the winner's share of the evidence among the four languages. */
  readonly confidence: number;
}

// Its own eld instance, so the subset set here cannot leak into other users of eld.
// The small database scores as well as the large one on these posts and loads in a tenth
// of the time.
const detector = eld.newInstance();
detector.setLanguageSubset([...SENTIMENT_LANGUAGES]);

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * Detects whether a post is Spanish, English, Portuguese or Russian, offline, with eld
 * restricted to those four. URLs and @handles are removed first and hashtags split into words
 * (Russian posts are short and full of Latin handles). Among the four, Cyrillic script means
 * Russian, so a post with more Cyrillic than Latin letters is Russian outright.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const cleaned = stripPostNoise(text);
  const cyrillic = cleaned.match(CYRILLIC)?.length ?? 0;
  const latin = cleaned.match(LATIN)?.length ?? 0;
  if (cyrillic > 0 && cyrillic >= latin) {
    return { language: 'ru', confidence: cyrillic / (cyrillic + latin) };
  }
  const result = detector.detect(cleaned);
  if (!isSentimentLanguage(result.language)) return { language: 'und', confidence: 0 };
  const scores = Object.values(result.getScores());
  const total = scores.reduce((sum, score) => sum + score, 0);
  const top = result.getScores()[result.language] ?? 0;
  return { language: result.language, confidence: total > 0 ? top / total : 0 };
}
