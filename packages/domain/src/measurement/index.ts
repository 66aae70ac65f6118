// Public surface of social and campaign measurement.
export { awarenessTrend, type TrendBucket } from './awareness-trend.js';
export { conversionRatio } from './conversion-ratio.js';
export { assertNonNegative } from './count-validation.js';
export { type EmailCampaignCounts, type EmailRates, emailRates } from './email-rates.js';
export { type EngagementInput, type EngagementRate, engagementRate } from './engagement-rate.js';
export { median } from './median.js';
export { type NetSentimentBasis, netSentiment, type SentimentCounts } from './net-sentiment.js';
export { safeRatio } from './ratio.js';
export {
  type BrandShare,
  type BrandVoice,
  type ShareOfVoice,
  shareOfVoice,
} from './share-of-voice.js';
export {
  DEFAULT_SPIKE_DETECTION,
  detectMentionSpikes,
  type SpikeDetectionOptions,
  type SpikePoint,
} from './spike-detection.js';
export { type BucketUnit, bucketLabel, bucketStart, nextBucketStart } from './time-bucket.js';
