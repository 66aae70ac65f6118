import type {
  MentionChannel,
  MentionFilter,
  Sentiment,
} from '../../../../mentions/mention.documents.js';
import { CHANNELS, SENTIMENTS } from '../../../../mentions/mention-options.js';

/**
 * The feed's filter as the page holds it and as the URL carries it:
 * `q`, `from`, `to` (ISO), `author` (handle without @), and the repeatable `brand`, `channel`,
 * `language`, `sentiment`. The dashboard links here with these names.
 */
export interface FeedFilterForm {
  q: string;
  from: string;
  to: string;
  author: string;
  brand: string[];
  channel: MentionChannel[];
  language: string[];
  sentiment: Sentiment[];
}

export const EMPTY_FILTER: FeedFilterForm = {
  q: '',
  from: '',
  to: '',
  author: '',
  brand: [],
  channel: [],
  language: [],
  sentiment: [],
};

/** What a router query holds: a value, a list (repeated name) or nothing. */
export type QueryValue = string | null | undefined | readonly (string | null)[];
export type QueryLike = Readonly<Record<string, QueryValue>>;

const list = (value: QueryValue): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (entry): entry is string => typeof entry === 'string' && entry.trim() !== '',
  );
const single = (value: QueryValue): string => list(value)[0]?.trim() ?? '';
const unique = <T>(values: T[]): T[] => [...new Set(values)];
const isoOrEmpty = (value: string): string =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : '';
/** A handle as the api filters it: no leading @, no spaces around. */
export const normalizeHandle = (handle: string): string => handle.trim().replace(/^@+/, '');

/** The URL's query as the filter; unknown or malformed values are dropped. */
export function filterFromQuery(query: QueryLike): FeedFilterForm {
  return {
    q: single(query.q),
    from: isoOrEmpty(single(query.from)),
    to: isoOrEmpty(single(query.to)),
    author: normalizeHandle(single(query.author)),
    brand: unique(list(query.brand)),
    channel: unique(list(query.channel)).filter((c): c is MentionChannel =>
      (CHANNELS as readonly string[]).includes(c),
    ),
    language: unique(list(query.language)),
    sentiment: unique(list(query.sentiment)).filter((s): s is Sentiment =>
      (SENTIMENTS as readonly string[]).includes(s),
    ),
  };
}

/** The filter as the URL's query: only what is set; lists repeat their name. */
export function queryFromFilter(form: FeedFilterForm): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (form.q.trim()) query.q = form.q.trim();
  if (form.from) query.from = form.from;
  if (form.to) query.to = form.to;
  if (normalizeHandle(form.author)) query.author = normalizeHandle(form.author);
  if (form.brand.length) query.brand = [...form.brand];
  if (form.channel.length) query.channel = [...form.channel];
  if (form.language.length) query.language = [...form.language];
  if (form.sentiment.length) query.sentiment = [...form.sentiment];
  return query;
}

/** The form as the api's `MentionFilterInput`: only the chosen criteria. */
export function toMentionFilter(form: FeedFilterForm): MentionFilter {
  const filter: MentionFilter = {};
  if (form.q.trim()) filter.search = form.q.trim();
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  if (normalizeHandle(form.author)) filter.authorHandle = normalizeHandle(form.author);
  if (form.brand.length) filter.brandIds = [...form.brand];
  if (form.channel.length) filter.channels = [...form.channel];
  if (form.sentiment.length) filter.sentiments = [...form.sentiment];
  if (form.language.length) filter.languages = [...form.language];
  return filter;
}

/** A saved view's filter (as the api answers it) back as the form. */
export function fromMentionFilter(filter: {
  search?: string | null;
  from?: string | null;
  to?: string | null;
  authorHandle?: string | null;
  brandIds?: readonly string[] | null;
  channels?: readonly MentionChannel[] | null;
  languages?: readonly string[] | null;
  sentiments?: readonly Sentiment[] | null;
}): FeedFilterForm {
  return {
    q: filter.search ?? '',
    from: filter.from ? isoOrEmpty(filter.from) : '',
    to: filter.to ? isoOrEmpty(filter.to) : '',
    author: normalizeHandle(filter.authorHandle ?? ''),
    brand: [...(filter.brandIds ?? [])],
    channel: [...(filter.channels ?? [])],
    language: [...(filter.languages ?? [])],
    sentiment: [...(filter.sentiments ?? [])],
  };
}

/** Whether any criterion is set. */
export const isFiltered = (form: FeedFilterForm): boolean =>
  Object.keys(toMentionFilter(form)).length > 0;
