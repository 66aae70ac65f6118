export {
  customersHoldingRevenueShare,
  type ParetoCut,
  topCustomersRevenueShare,
} from './pareto.js';
export { type QuintileScore, quintileScores, type ScoreDirection } from './quintile-score.js';
export {
  type EngagementEvent,
  engagementMeasures,
  purchaseMeasures,
  type RfmMeasures,
  type TimedPurchase,
} from './rfm-measures.js';
export { type RfmScore, rfmScores } from './rfm-score.js';
export {
  fmScore,
  RFM_SEGMENT_IDS,
  RFM_SEGMENTS,
  type RfmSegmentDefinition,
  type RfmSegmentId,
  rfmSegment,
} from './rfm-segment.js';
