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
    spike
  }
`);

export const MentionStatsQuery = graphql(
  `
  query MentionStats($period: StatsPeriodInput!, $filter: MentionFilterInput) {
    mentionStats(period: $period, filter: $filter) {
      volume { ...VolumePointFields }
      alerts { ...VolumePointFields }
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
  [VolumePointFields],
);

export type MentionStats = ResultOf<typeof MentionStatsQuery>['mentionStats'];
export type VolumePoint = ResultOf<typeof VolumePointFields>;
export type VoiceShare = MentionStats['shareOfVoice'][number];
export type TopAuthor = MentionStats['topAuthors'][number];
export type StatsPeriod = VariablesOf<typeof MentionStatsQuery>['period'];
export type StatsBucket = NonNullable<StatsPeriod['bucket']>;
