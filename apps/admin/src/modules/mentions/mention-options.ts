import type { MentionChannel, Sentiment } from './mention.documents.js';

/** The SDL's `MentionChannel` values, in the order the filter lists them. */
export const CHANNELS: readonly MentionChannel[] = [
  'X',
  'FACEBOOK',
  'INSTAGRAM',
  'TIKTOK',
  'YOUTUBE',
  'LINKEDIN',
  'MASTODON',
  'BLUESKY',
  'NEWS',
  'BLOG',
  'FORUM',
  'WEB',
];

export const SENTIMENTS: readonly Sentiment[] = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'];

/** Language codes the api detects (`Mention.language`). */
export const LANGUAGES = ['es', 'en', 'pt', 'ru', 'und'] as const;
