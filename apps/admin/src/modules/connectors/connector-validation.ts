import { textLength } from '@socialcrm/domain/text';
import type {
  Connector,
  ConnectorKind,
  CreateConnectorInput,
  UpdateConnectorInput,
} from './connector.documents.js';

export const CONNECTOR_KINDS: readonly ConnectorKind[] = ['RSS', 'MASTODON', 'META_WEBHOOK'];
export const RSS_CHANNELS = ['BLOG', 'NEWS', 'FORUM'] as const;
export const META_CHANNELS = ['FACEBOOK', 'INSTAGRAM'] as const;
export const MASTODON_STREAMS = ['HASHTAG', 'PUBLIC'] as const;

/** The connector form as typed; only the fields of the chosen kind are sent. */
export interface ConnectorFormValues {
  kind: ConnectorKind;
  name: string;
  feedUrl: string;
  pollIntervalSeconds: string;
  rssChannel: (typeof RSS_CHANNELS)[number];
  baseUrl: string;
  stream: (typeof MASTODON_STREAMS)[number];
  hashtag: string;
  metaChannel: (typeof META_CHANNELS)[number];
  /** META_WEBHOOK app secret or MASTODON access token; blank keeps the stored one. */
  secret: string;
  clearSecret: boolean;
}

export type ConnectorField = keyof ConnectorFormValues;

/** An i18n key under `connectors.validation.` with its parameters. */
export interface ValidationMessage {
  key: string;
  params?: Record<string, string | number>;
}

export const NAME_MAX = 120;
export const POLL_MIN = 60;
export const POLL_MAX = 86_400;
export const SECRET_MIN = 8;
export const SECRET_MAX = 500;
const HASHTAG = /^#?[\p{L}\p{N}_]{1,100}$/u;

export function emptyConnectorForm(kind: ConnectorKind = 'RSS'): ConnectorFormValues {
  return {
    kind,
    name: '',
    feedUrl: '',
    pollIntervalSeconds: '900',
    rssChannel: 'BLOG',
    baseUrl: '',
    stream: 'HASHTAG',
    hashtag: '',
    metaChannel: 'FACEBOOK',
    secret: '',
    clearSecret: false,
  };
}

/** The form of an existing connector (secrets are never shown: blank). */
export function connectorFormOf(connector: Connector): ConnectorFormValues {
  const { settings } = connector;
  const form = emptyConnectorForm(connector.kind);
  return {
    ...form,
    name: connector.name,
    feedUrl: settings.feedUrl ?? '',
    pollIntervalSeconds: String(settings.pollIntervalSeconds ?? 900),
    rssChannel: (RSS_CHANNELS as readonly string[]).includes(settings.channel ?? '')
      ? (settings.channel as ConnectorFormValues['rssChannel'])
      : form.rssChannel,
    baseUrl: settings.baseUrl ?? '',
    stream: settings.stream ?? form.stream,
    hashtag: settings.hashtag ?? '',
    metaChannel: (META_CHANNELS as readonly string[]).includes(settings.channel ?? '')
      ? (settings.channel as ConnectorFormValues['metaChannel'])
      : form.metaChannel,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Problems per field, the same rules as the api. `creating`: a Meta connector needs its app
 * secret; when editing, a blank secret keeps the stored one.
 */
export function validateConnectorForm(
  form: ConnectorFormValues,
  creating: boolean,
): Partial<Record<ConnectorField, ValidationMessage>> {
  const errors: Partial<Record<ConnectorField, ValidationMessage>> = {};
  const name = form.name.trim();
  if (!name) errors.name = { key: 'required' };
  else if (textLength(name) > NAME_MAX) errors.name = { key: 'tooLong', params: { max: NAME_MAX } };

  if (form.kind === 'RSS') {
    const feedUrl = form.feedUrl.trim();
    if (!feedUrl) errors.feedUrl = { key: 'required' };
    else if (!isHttpUrl(feedUrl)) errors.feedUrl = { key: 'url' };
    const seconds = Number(form.pollIntervalSeconds.trim());
    if (!Number.isInteger(seconds) || seconds < POLL_MIN || seconds > POLL_MAX) {
      errors.pollIntervalSeconds = { key: 'interval', params: { min: POLL_MIN, max: POLL_MAX } };
    }
  }
  if (form.kind === 'MASTODON') {
    const baseUrl = form.baseUrl.trim();
    if (!baseUrl) errors.baseUrl = { key: 'required' };
    else if (!isHttpUrl(baseUrl)) errors.baseUrl = { key: 'url' };
    const hashtag = form.hashtag.trim();
    if (form.stream === 'HASHTAG' && !hashtag) errors.hashtag = { key: 'required' };
    else if (hashtag && !HASHTAG.test(hashtag)) errors.hashtag = { key: 'hashtag' };
  }
  if (form.kind !== 'RSS') {
    const secret = form.secret.trim();
    if (!secret && form.kind === 'META_WEBHOOK' && creating) errors.secret = { key: 'required' };
    else if (secret && (textLength(secret) < SECRET_MIN || textLength(secret) > SECRET_MAX)) {
      errors.secret = { key: 'secretLength', params: { min: SECRET_MIN, max: SECRET_MAX } };
    }
  }
  return errors;
}

function settingsOf(form: ConnectorFormValues): CreateConnectorInput['settings'] {
  switch (form.kind) {
    case 'RSS':
      return {
        feedUrl: form.feedUrl.trim(),
        pollIntervalSeconds: Number(form.pollIntervalSeconds.trim()),
        channel: form.rssChannel,
      };
    case 'MASTODON':
      return {
        baseUrl: form.baseUrl.trim(),
        stream: form.stream,
        hashtag: form.hashtag.trim().replace(/^#/, '') || null,
      };
    case 'META_WEBHOOK':
      return { channel: form.metaChannel };
  }
}

export function toCreateInput(form: ConnectorFormValues): CreateConnectorInput {
  const secret = form.kind === 'RSS' ? '' : form.secret.trim();
  return {
    kind: form.kind,
    name: form.name.trim(),
    settings: settingsOf(form),
    ...(secret ? { secret } : {}),
  };
}

export function toUpdateInput(form: ConnectorFormValues): UpdateConnectorInput {
  const secret = form.kind === 'RSS' ? '' : form.secret.trim();
  const input: UpdateConnectorInput = { name: form.name.trim(), settings: settingsOf(form) };
  if (secret) input.secret = secret;
  else if (form.clearSecret && form.kind === 'MASTODON') input.clearSecret = true;
  return input;
}
