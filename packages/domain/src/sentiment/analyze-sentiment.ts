import {
  type CompiledSentimentModel,
  compileSentimentModel,
  scoreSentimentFeatures,
} from './compiled-sentiment-model.js';
import { detectCleanedLanguage } from './detect-language.js';
import { sentimentModelEN } from './model/sentiment-model-en.gen.js';
import { sentimentModelES } from './model/sentiment-model-es.gen.js';
import { sentimentModelPT } from './model/sentiment-model-pt.gen.js';
import { sentimentModelRU } from './model/sentiment-model-ru.gen.js';
import { collectSentimentFeatures } from './sentiment-features.js';
import {
  SENTIMENT_LABELS,
  type SentimentLabel,
  type SentimentProbabilities,
} from './sentiment-label.js';
import { SENTIMENT_LANGUAGES, type SentimentLanguage } from './sentiment-language.js';
import { SparseFeatureBuffer } from './sparse-feature-buffer.js';
import { stripPostNoise } from './strip-post-noise.js';

/** The sentiment of one post. */
export interface SentimentResult {
  /** The language whose model scored the post; `und` when none was detected. */
  readonly language: SentimentLanguage | 'und';
  /** P(positive) − P(negative), in [-1, 1]. */
  readonly score: number;
  /** The most probable class; positive implies score > 0, negative implies score < 0. */
  readonly label: SentimentLabel;
  /** Probability of the label. */
  readonly confidence: number;
  /** Probabilities of negative, neutral and positive. */
  readonly probabilities: SentimentProbabilities;
}

/** Options of `analyzeSentiment`. */
export interface AnalyzeSentimentOptions {
  /** Skip detection when the language is already known (e.g. from the channel or profile). */
  readonly language?: SentimentLanguage;
}

const MODELS: Readonly<Record<SentimentLanguage, CompiledSentimentModel>> = {
  es: compileSentimentModel(sentimentModelES),
  en: compileSentimentModel(sentimentModelEN),
  pt: compileSentimentModel(sentimentModelPT),
  ru: compileSentimentModel(sentimentModelRU),
};

// One buffer for every post: analyzeSentiment is synchronous and reads the buffer out before
// returning, so reusing it is safe and spares an allocation per post.
const features = new SparseFeatureBuffer();

function probabilitiesIn(cleanedText: string, language: SentimentLanguage): SentimentProbabilities {
  collectSentimentFeatures(cleanedText, language, features);
  return scoreSentimentFeatures(MODELS[language], features);
}

// A post without letters (emoji only, say) has no language: the four models vote equally.
function averageOverLanguages(cleanedText: string): SentimentProbabilities {
  let [negative, neutral, positive] = [0, 0, 0];
  for (const language of SENTIMENT_LANGUAGES) {
    const p = probabilitiesIn(cleanedText, language);
    negative += p[0] / SENTIMENT_LANGUAGES.length;
    neutral += p[1] / SENTIMENT_LANGUAGES.length;
    positive += p[2] / SENTIMENT_LANGUAGES.length;
  }
  return [negative, neutral, positive];
}

// Ties go to neutral, so the label never disagrees with the sign of the score.
function labelOf([negative, neutral, positive]: SentimentProbabilities): SentimentLabel {
  if (positive > negative && positive > neutral) return 'positive';
  if (negative > positive && negative > neutral) return 'negative';
  return 'neutral';
}

/**
 * Scores the sentiment of a social post in Spanish, English, Portuguese or Russian, offline.
 * Detects the language unless given, then applies that language's linear model (logistic
 * regression over words, negation-marked words, intensified words, bigrams, emoji and
 * character n-grams, trained on human-labelled tweets; see model/README.md).
 */
export function analyzeSentiment(
  text: string,
  options: AnalyzeSentimentOptions = {},
): SentimentResult {
  // Cleaned once, for the detector and the features alike.
  const cleanedText = stripPostNoise(text);
  const language = options.language ?? detectCleanedLanguage(cleanedText).language;
  const probabilities =
    language === 'und' ? averageOverLanguages(cleanedText) : probabilitiesIn(cleanedText, language);
  const [negative, , positive] = probabilities;
  const label = labelOf(probabilities);
  const score = Math.min(1, Math.max(-1, positive - negative));
  return {
    language,
    score,
    label,
    confidence: probabilities[SENTIMENT_LABELS.indexOf(label)] ?? 0,
    probabilities,
  };
}
