import { META_CHANNELS, POLL_SECONDS, RSS_CHANNELS } from '@socialcrm/validation';
import type {
  Connector,
  ConnectorKind,
  CreateConnectorInput,
  UpdateConnectorInput,
} from './connector.documents.js';

export const CONNECTOR_KINDS: readonly ConnectorKind[] = ['RSS', 'MASTODON', 'META_WEBHOOK'];
export const MASTODON_STREAMS = ['HASHTAG', 'PUBLIC'] as const;
export { META_CHANNELS, RSS_CHANNELS };

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

/** The form field that shows a problem at an input path: settings are flat in the form. */
export function connectorFieldOf(kind: ConnectorKind, path: string): string | undefined {
  const [root, setting] = path.split('.');
  if (root !== 'settings' || !setting) return undefined;
  if (setting === 'channel') return kind === 'RSS' ? 'rssChannel' : 'metaChannel';
  return setting;
}

export function emptyConnectorForm(kind: ConnectorKind = 'RSS'): ConnectorFormValues {
  return {
    kind,
    name: '',
    feedUrl: '',
    pollIntervalSeconds: String(POLL_SECONDS.default),
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
export function connectorFormOf(
  connector: Pick<Connector, 'kind' | 'name' | 'settings'>,
): ConnectorFormValues {
  const { settings } = connector;
  const form = emptyConnectorForm(connector.kind);
  return {
    ...form,
    name: connector.name,
    feedUrl: settings.feedUrl ?? '',
    pollIntervalSeconds: String(settings.pollIntervalSeconds ?? POLL_SECONDS.default),
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

/** A number field as typed: blank or not a number is sent as such, and the schema refuses it. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

function settingsOf(form: ConnectorFormValues): CreateConnectorInput['settings'] {
  switch (form.kind) {
    case 'RSS':
      return {
        feedUrl: form.feedUrl.trim(),
        pollIntervalSeconds: numberOf(form.pollIntervalSeconds),
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
