import { registerEnumType } from 'type-graphql';

/** Where a mention was published. */
export enum MentionChannel {
  FACEBOOK = 'FACEBOOK',
  INSTAGRAM = 'INSTAGRAM',
  X = 'X',
  LINKEDIN = 'LINKEDIN',
  TIKTOK = 'TIKTOK',
  YOUTUBE = 'YOUTUBE',
  MASTODON = 'MASTODON',
  BLUESKY = 'BLUESKY',
  BLOG = 'BLOG',
  FORUM = 'FORUM',
  NEWS = 'NEWS',
  WEB = 'WEB',
}

export enum SentimentLabel {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}

/** What ingesting one mention did. */
export enum IngestOutcome {
  STORED = 'STORED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}

registerEnumType(MentionChannel, {
  name: 'MentionChannel',
  description: 'The network, site or kind of source a mention came from.',
});
registerEnumType(SentimentLabel, { name: 'SentimentLabel' });
registerEnumType(IngestOutcome, {
  name: 'IngestOutcome',
  description:
    'STORED: new. UPDATED: an edit of a known post. UNCHANGED: a re-delivery. REJECTED: invalid, see `problems`.',
});
