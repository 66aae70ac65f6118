/** Select-list of a group of mentions `m`: their number and how many of each polarity. */
export const SENTIMENT_COUNTS = `count(*)::int AS mentions,
  count(*) FILTER (WHERE m.sentiment_label = 'POSITIVE')::int AS positive,
  count(*) FILTER (WHERE m.sentiment_label = 'NEUTRAL')::int AS neutral,
  count(*) FILTER (WHERE m.sentiment_label = 'NEGATIVE')::int AS negative`;

/** A row read with `SENTIMENT_COUNTS`. */
export interface SentimentCountsRow {
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
}
