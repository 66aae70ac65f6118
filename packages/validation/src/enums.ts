/**
 * Value lists the api exposes as GraphQL enums and the admin offers in its forms. Plain objects
 * rather than TypeScript enums so that a literal such as `'OWN'` from a form is already a valid
 * value (the api registers these same objects with TypeGraphQL).
 */
type ValueOf<T> = T[keyof T];

/** OWN: one of the tenant's brands. COMPETITOR: a rival tracked for share of voice. */
export const BrandKind = { OWN: 'OWN', COMPETITOR: 'COMPETITOR' } as const;
export type BrandKind = ValueOf<typeof BrandKind>;

/** The network, site or kind of source a mention came from. */
export const MentionChannel = {
  FACEBOOK: 'FACEBOOK',
  INSTAGRAM: 'INSTAGRAM',
  X: 'X',
  LINKEDIN: 'LINKEDIN',
  TIKTOK: 'TIKTOK',
  YOUTUBE: 'YOUTUBE',
  MASTODON: 'MASTODON',
  BLUESKY: 'BLUESKY',
  BLOG: 'BLOG',
  FORUM: 'FORUM',
  NEWS: 'NEWS',
  WEB: 'WEB',
} as const;
export type MentionChannel = ValueOf<typeof MentionChannel>;

/** Where a connector's mentions come from. */
export const ConnectorKind = {
  META_WEBHOOK: 'META_WEBHOOK',
  RSS: 'RSS',
  MASTODON: 'MASTODON',
} as const;
export type ConnectorKind = ValueOf<typeof ConnectorKind>;

export const MastodonStream = { HASHTAG: 'HASHTAG', PUBLIC: 'PUBLIC' } as const;
export type MastodonStream = ValueOf<typeof MastodonStream>;

/** A user's role inside one tenant, least to most powerful. */
export const TenantRole = {
  VIEWER: 'VIEWER',
  AGENT: 'AGENT',
  MANAGER: 'MANAGER',
  OWNER: 'OWNER',
} as const;
export type TenantRole = ValueOf<typeof TenantRole>;

/** The channels an RSS feed's mentions may be filed under, and a Meta webhook's. */
export const RSS_CHANNELS = [
  MentionChannel.BLOG,
  MentionChannel.NEWS,
  MentionChannel.FORUM,
] as const;
export const META_CHANNELS = [MentionChannel.FACEBOOK, MentionChannel.INSTAGRAM] as const;
