import { eld } from 'eld/small';
import { countScriptLetters } from './script-letter-counts.js';
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

/**
 * Detects whether a post is Spanish, English, Portuguese or Russian, offline, with eld
 * restricted to those four. URLs and @handles are removed first and hashtags split into words
 * (Russian posts are short and full of Latin handles). Among the four, Cyrillic script means
 * Russian, so a post with more Cyrillic than Latin letters is Russian outright.
 */
export function detectLanguage(text: string): DetectedLanguage {
  return detectCleanedLanguage(stripPostNoise(text));
}

/** `detectLanguage` of a text already passed through `stripPostNoise`. */
export function detectCleanedLanguage(cleanedText: string): DetectedLanguage {
  const { cyrillic, latin } = countScriptLetters(cleanedText);
  if (cyrillic > 0 && cyrillic >= latin) {
    return { language: 'ru', confidence: cyrillic / (cyrillic + latin) };
  }
  const result = detector.detect(cleanedText);
  if (!isSentimentLanguage(result.language)) return { language: 'und', confidence: 0 };
  const scores = result.getScores();
  const total = Object.values(scores).reduce((sum, score) => sum + score, 0);
  const top = scores[result.language] ?? 0;
  return { language: result.language, confidence: total > 0 ? top / total : 0 };
}
