/** The three sentiment classes, in the order model weights and probabilities use. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;

/** A sentiment class. */
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** Probabilities of negative, neutral and positive, in `SENTIMENT_LABELS` order, summing to 1. */
export type SentimentProbabilities = readonly [number, number, number];
