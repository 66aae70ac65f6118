import { z } from 'zod';
import { ConnectorKind, MastodonStream, META_CHANNELS, RSS_CHANNELS } from './enums.js';
import { because, httpUrl, wholeNumber } from './rules.js';
import { atMostCharacters, requiredName } from './text.js';

export const CONNECTOR_NAME_MAX = 120;
export const POLL_SECONDS = { min: 60, max: 86_400, default: 900 } as const;
export const SECRET_LENGTH = { min: 8, max: 500 } as const;

/** An app secret or access token: 8 to 500 characters. */
const secret = z
  .string()
  .trim()
  .min(SECRET_LENGTH.min, `must have at least ${SECRET_LENGTH.min} characters`)
  .refine(...atMostCharacters(SECRET_LENGTH.max));

export const metaSettingsSchema = z.object({
  channel: z.enum(META_CHANNELS, { error: 'must be FACEBOOK or INSTAGRAM' }),
});

export const rssSettingsSchema = z.object({
  feedUrl: httpUrl,
  pollIntervalSeconds: wholeNumber(POLL_SECONDS.min, POLL_SECONDS.max).default(
    POLL_SECONDS.default,
  ),
  channel: z.enum(RSS_CHANNELS, { error: 'must be BLOG, NEWS or FORUM' }).default('BLOG'),
});

export const mastodonSettingsSchema = z
  .object({
    baseUrl: httpUrl,
    stream: z.enum(MastodonStream).default(MastodonStream.HASHTAG),
    hashtag: z
      .string()
      .trim()
      .transform((value) => value.replace(/^#/, ''))
      .refine(
        ...because(
          (value: string) => value === '' || /^[\p{L}\p{N}_]{1,100}$/u.test(value),
          'must be a hashtag: letters, digits or _',
          { reason: 'HASHTAG_FORMAT' },
        ),
      )
      .optional()
      .nullable(),
  })
  .refine((value) => value.stream !== MastodonStream.HASHTAG || value.hashtag, {
    message: 'is required for a HASHTAG stream',
    path: ['hashtag'],
    params: { reason: 'REQUIRED' },
  });

export type MetaSettings = z.output<typeof metaSettingsSchema>;
export type RssSettings = z.output<typeof rssSettingsSchema>;
export type MastodonSettings = z.output<typeof mastodonSettingsSchema>;
export type ConnectorSettings = MetaSettings | RssSettings | MastodonSettings;

/** Each kind's settings; fields of other kinds are not part of it. */
export const settingsSchemaOf = {
  [ConnectorKind.META_WEBHOOK]: metaSettingsSchema,
  [ConnectorKind.RSS]: rssSettingsSchema,
  [ConnectorKind.MASTODON]: mastodonSettingsSchema,
} as const;

export const createConnectorSchema = z.object({
  kind: z.enum(ConnectorKind),
  name: requiredName(CONNECTOR_NAME_MAX),
  settings: z.looseObject({}),
  secret: secret.optional().nullable(),
});

export const updateConnectorSchema = z.object({
  name: requiredName(CONNECTOR_NAME_MAX).optional().nullable(),
  settings: z.looseObject({}).optional().nullable(),
  secret: secret.optional().nullable(),
  clearSecret: z.boolean().optional().nullable(),
  paused: z.boolean().optional().nullable(),
});

/**
 * A whole connector as a form submits it: its settings checked by its kind's schema (problems
 * at `settings.<field>`), and a Meta webhook's app secret required when it is created.
 */
export function connectorInputSchema(creating: boolean) {
  const base = creating
    ? createConnectorSchema
    : updateConnectorSchema.extend({ kind: z.enum(ConnectorKind) });
  return base.superRefine((input, ctx) => {
    const settings = settingsSchemaOf[input.kind].safeParse(input.settings ?? {});
    for (const issue of settings.success ? [] : settings.error.issues) {
      ctx.addIssue({ ...issue, path: ['settings', ...issue.path] } as z.core.$ZodRawIssue);
    }
    if (creating && input.kind === ConnectorKind.META_WEBHOOK && !input.secret) {
      ctx.addIssue({
        code: 'custom',
        path: ['secret'],
        message: 'is required',
        params: { reason: 'REQUIRED' },
      });
    }
  });
}
