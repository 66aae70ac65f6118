/**
 * Bad values each form must refuse, with the field and reason the api names. The admin's form
 * tests type them into the form; the api's tests send them as the mutation's input: both must
 * answer the same field and reason. Inputs are complete and valid but for the one bad value.
 */
export interface RefusedInput {
  title: string;
  input: Record<string, unknown>;
  /** The field path under `input`, e.g. `hashtags.0`. */
  field: string;
  reason: string;
}

const brand = {
  name: 'Café Aurora',
  kind: 'OWN',
  keywords: ['café aurora'],
  hashtags: [],
  handles: [],
  excludedTerms: [],
};
export const refusedBrandInputs: RefusedInput[] = [
  { title: 'a blank name', input: { ...brand, name: '  ' }, field: 'name', reason: 'REQUIRED' },
  {
    title: 'a name of 121 characters',
    input: { ...brand, name: 'é'.repeat(121) },
    field: 'name',
    reason: 'TOO_LONG',
  },
  {
    title: 'a one-letter keyword',
    input: { ...brand, keywords: ['x'] },
    field: 'keywords.0',
    reason: 'TERM_LENGTH',
  },
  {
    title: 'a hashtag with a space',
    input: { ...brand, hashtags: ['bad tag'] },
    field: 'hashtags.0',
    reason: 'HASHTAG_FORMAT',
  },
  {
    title: 'a handle with a slash',
    input: { ...brand, handles: ['a/b'] },
    field: 'handles.0',
    reason: 'HANDLE_FORMAT',
  },
  {
    title: 'a repeated keyword',
    input: { ...brand, keywords: ['aurora', 'Aurora'] },
    field: 'keywords.1',
    reason: 'DUPLICATE',
  },
  {
    title: 'no keyword, hashtag or handle',
    input: { ...brand, keywords: [], excludedTerms: ['decaf'] },
    field: 'keywords',
    reason: 'NEEDS_TERM',
  },
];

const rss = { kind: 'RSS', name: 'Blog', settings: { feedUrl: 'https://example.com/feed' } };
export const refusedConnectorInputs: RefusedInput[] = [
  { title: 'a blank name', input: { ...rss, name: ' ' }, field: 'name', reason: 'REQUIRED' },
  {
    title: 'a feed address without http',
    input: { ...rss, settings: { feedUrl: 'example.com/feed' } },
    field: 'settings.feedUrl',
    reason: 'HTTP_URL',
  },
  {
    title: 'a poll interval under a minute',
    input: { ...rss, settings: { feedUrl: 'https://example.com/feed', pollIntervalSeconds: 30 } },
    field: 'settings.pollIntervalSeconds',
    reason: 'OUT_OF_RANGE',
  },
  {
    title: 'a Mastodon hashtag with a space',
    input: {
      kind: 'MASTODON',
      name: 'Fediverse',
      settings: { baseUrl: 'https://mastodon.example', stream: 'HASHTAG', hashtag: 'two words' },
    },
    field: 'settings.hashtag',
    reason: 'HASHTAG_FORMAT',
  },
  {
    title: 'a short app secret',
    input: {
      kind: 'META_WEBHOOK',
      name: 'Page',
      settings: { channel: 'FACEBOOK' },
      secret: 'short',
    },
    field: 'secret',
    reason: 'TOO_SHORT',
  },
];

export const refusedWorkspaceInputs: RefusedInput[] = [
  { title: 'a one-letter name', input: { name: 'A' }, field: 'name', reason: 'TOO_SHORT' },
  {
    title: 'a slug with capitals',
    input: { name: 'Café Aurora', slug: 'Cafe_Aurora' },
    field: 'slug',
    reason: 'SLUG_FORMAT',
  },
];

export const refusedInvitationInputs: RefusedInput[] = [
  {
    title: 'an address without a domain',
    input: { email: 'ana@', role: 'AGENT' },
    field: 'email',
    reason: 'INVALID_FORMAT',
  },
];

export const refusedApiKeyInputs: RefusedInput[] = [
  {
    title: 'a blank name',
    input: { name: ' ', role: 'VIEWER' },
    field: 'name',
    reason: 'REQUIRED',
  },
];
