import { z } from 'zod';
import { atMostCharacters } from '../../platform/graphql/validation.js';
import { MentionChannel } from '../contacts/index.js';
import { ConnectorKind, MastodonStream } from './connector-enums.js';

const httpUrl = z
  .url('is not a valid URL')
  .refine(...atMostCharacters(2000))
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http or https URL');

export const metaSettingsSchema = z.object({
  channel: z.enum([MentionChannel.FACEBOOK, MentionChannel.INSTAGRAM], {
    error: 'must be FACEBOOK or INSTAGRAM',
  }),
});

export const rssSettingsSchema = z.object({
  feedUrl: httpUrl,
  pollIntervalSeconds: z
    .number()
    .int('must be a whole number')
    .min(60, 'must be at least 60')
    .max(86_400, 'must be at most 86,400')
    .default(900),
  channel: z
    .enum([MentionChannel.BLOG, MentionChannel.NEWS, MentionChannel.FORUM], {
      error: 'must be BLOG, NEWS or FORUM',
    })
    .default(MentionChannel.BLOG),
});

export const mastodonSettingsSchema = z
  .object({
    baseUrl: httpUrl,
    stream: z.enum(MastodonStream).default(MastodonStream.HASHTAG),
    hashtag: z
      .string()
      .trim()
      .transform((value) => value.replace(/^#/, ''))
      .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, 'must be a hashtag: letters, digits or _'))
      .optional()
      .nullable(),
  })
  .refine((value) => value.stream !== MastodonStream.HASHTAG || value.hashtag, {
    message: 'is required for a HASHTAG stream',
    path: ['hashtag'],
  });

export type MetaSettings = z.output<typeof metaSettingsSchema>;
export type RssSettings = z.output<typeof rssSettingsSchema>;
export type MastodonSettings = z.output<typeof mastodonSettingsSchema>;
export type ConnectorSettings = MetaSettings | RssSettings | MastodonSettings;

export const settingsSchemaOf = {
  [ConnectorKind.META_WEBHOOK]: metaSettingsSchema,
  [ConnectorKind.RSS]: rssSettingsSchema,
  [ConnectorKind.MASTODON]: mastodonSettingsSchema,
} as const;

/** Input fields that do not belong to a kind are dropped, so settings hold only their own. */
export function withoutNulls(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== null && field !== undefined),
  );
}
