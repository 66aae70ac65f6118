// Public surface of sentiment and language detection.
export {
  type AnalyzeSentimentOptions,
  analyzeSentiment,
  type SentimentResult,
} from './analyze-sentiment.js';
export { type DetectedLanguage, detectLanguage } from './detect-language.js';
export {
  SENTIMENT_LABELS,
  type SentimentLabel,
  type SentimentProbabilities,
} from './sentiment-label.js';
export {
  isSentimentLanguage,
  SENTIMENT_LANGUAGES,
  type SentimentLanguage,
} from './sentiment-language.js';
