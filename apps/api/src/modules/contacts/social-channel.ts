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

registerEnumType(MentionChannel, {
  name: 'MentionChannel',
  description: 'The network, site or kind of source a mention came from.',
});
