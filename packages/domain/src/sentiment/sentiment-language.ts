/** A language the sentiment models understand (ISO 639-1). */
export type SentimentLanguage = 'es' | 'en' | 'pt' | 'ru';

/** The supported languages, in a fixed order. */
export const SENTIMENT_LANGUAGES: readonly SentimentLanguage[] = ['es', 'en', 'pt', 'ru'];

/** Tells whether a string names a supported language. */
export function isSentimentLanguage(value: string): value is SentimentLanguage {
  return (SENTIMENT_LANGUAGES as readonly string[]).includes(value);
}
