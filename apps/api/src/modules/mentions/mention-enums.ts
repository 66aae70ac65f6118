import { registerEnumType } from 'type-graphql';

export enum SentimentLabel {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}

registerEnumType(SentimentLabel, { name: 'SentimentLabel' });
