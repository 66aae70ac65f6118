import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';

export const VolumePointFields = graphql(`
  fragment VolumePointFields on VolumePoint {
    bucketStart
    mentions
    positive
    neutral
    negative
    reach
    netSentiment
    ownShareByMentions
    spike
  }
`);

export const MentionBreakdownFields = graphql(`
  fragment MentionBreakdownFields on MentionBreakdown {
    key
    name
    mentions
    positive
    neutral
    negative
    netSentiment
  }
`);

export const MentionStatsQuery = graphql(
  `
  query MentionStats($period: StatsPeriodInput!, $filter: MentionFilterInput) {
    mentionStats(period: $period, filter: $filter) {
      mentions
      volume { ...VolumePointFields }
      alerts { ...VolumePointFields }
      byChannel { ...MentionBreakdownFields }
      byLanguage { ...MentionBreakdownFields }
      byBrand { ...MentionBreakdownFields }
      topTerms { term mentions }
      topHashtags { term mentions }
      shareOfVoice { brandId name own mentions reach shareByMentions shareByReach }
      ownShareByMentions
      netSentiment
      topAuthors {
        identity { id channel handle displayName followers }
        mentions
        reach
        influence
      }
    }
  }
`,
  [VolumePointFields, MentionBreakdownFields],
);

export type MentionStats = ResultOf<typeof MentionStatsQuery>['mentionStats'];
export type VolumePoint = ResultOf<typeof VolumePointFields>;
export type Breakdown = ResultOf<typeof MentionBreakdownFields>;
export type TermCount = MentionStats['topTerms'][number];
export type VoiceShare = MentionStats['shareOfVoice'][number];
export type TopAuthor = MentionStats['topAuthors'][number];
export type StatsPeriod = VariablesOf<typeof MentionStatsQuery>['period'];
export type StatsBucket = NonNullable<StatsPeriod['bucket']>;
