import type { ContactFilter, ContactSort, SavedContactView } from '../../../contact.documents.js';

/**
 * The contacts list's search, filter and order as the URL carries them: `q`, the repeatable
 * `tag`, `stage`, `country`, `language`, then `owner`, `company`, `consent` (true/false),
 * `cf.<key>` for a custom field's value, `rfm` as `RECENCY:FREQUENCY` (a cell of the RFM grid on
 * purchases; `engagement:RECENCY:FREQUENCY` on engagement), and `sort` as `FIELD:DIRECTION`.
 */
export interface ContactListState {
  q: string;
  tags: string[];
  stages: string[];
  countries: string[];
  languages: string[];
  owner: string;
  company: string;
  consent: '' | 'true' | 'false';
  custom: Record<string, string>;
  /** An RFM grid cell, `R:F` or `engagement:R:F` (scores 1–5), or empty. */
  rfm: string;
  sort: string;
}

/** The list as it is filtered: what an export of it asks the api for. */
export interface ContactListRequest {
  search: string | null;
  filter: ContactFilter | null;
}

export const SORT_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'DISPLAY_NAME', 'LAST_NAME'] as const;
export const DEFAULT_SORT = 'CREATED_AT:DESC';
const SORT_PATTERN = /^(CREATED_AT|UPDATED_AT|DISPLAY_NAME|LAST_NAME):(ASC|DESC)$/;
const CUSTOM_PREFIX = 'cf.';
const RFM_CELL = /^(?:(engagement):)?([1-5]):([1-5])$/;

/** The RFM grid cell the list is narrowed to, if any. */
export function rfmCellOf(
  rfm: string,
): { basis: 'purchases' | 'engagement'; recency: number; frequency: number } | null {
  const cell = RFM_CELL.exec(rfm);
  if (!cell) return null;
  return {
    basis: cell[1] ? 'engagement' : 'purchases',
    recency: Number(cell[2]),
    frequency: Number(cell[3]),
  };
}

type QueryValue = string | null | undefined | readonly (string | null)[];
export type QueryLike = Readonly<Record<string, QueryValue>>;

const list = (value: QueryValue): string[] => [
  ...new Set(
    (Array.isArray(value) ? value : [value]).filter(
      (entry): entry is string => typeof entry === 'string' && entry.trim() !== '',
    ),
  ),
];
const single = (value: QueryValue): string => list(value)[0]?.trim() ?? '';

export function stateFromQuery(query: QueryLike): ContactListState {
  const consent = single(query.consent);
  const sort = single(query.sort);
  const custom: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (name.startsWith(CUSTOM_PREFIX) && single(value)) custom[name.slice(3)] = single(value);
  }
  return {
    q: single(query.q),
    tags: list(query.tag),
    stages: list(query.stage),
    countries: list(query.country).map((code) => code.toUpperCase()),
    languages: list(query.language).map((code) => code.toLowerCase()),
    owner: single(query.owner),
    company: single(query.company),
    consent: consent === 'true' || consent === 'false' ? consent : '',
    custom,
    rfm: RFM_CELL.test(single(query.rfm)) ? single(query.rfm) : '',
    sort: SORT_PATTERN.test(sort) ? sort : DEFAULT_SORT,
  };
}

export function queryFromState(state: ContactListState): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (state.q.trim()) query.q = state.q.trim();
  if (state.tags.length) query.tag = [...state.tags];
  if (state.stages.length) query.stage = [...state.stages];
  if (state.countries.length) query.country = [...state.countries];
  if (state.languages.length) query.language = [...state.languages];
  if (state.owner) query.owner = state.owner;
  if (state.company) query.company = state.company;
  if (state.consent) query.consent = state.consent;
  for (const [key, value] of Object.entries(state.custom)) {
    if (value) query[`${CUSTOM_PREFIX}${key}`] = value;
  }
  if (state.rfm) query.rfm = state.rfm;
  if (state.sort !== DEFAULT_SORT) query.sort = state.sort;
  return query;
}

/** The state as the api's `filter` (null when nothing narrows the list). */
export function toContactFilter(state: ContactListState): ContactFilter | null {
  const filter: ContactFilter = {};
  if (state.tags.length) filter.tags = [...state.tags];
  if (state.stages.length) filter.lifecycleStages = [...state.stages];
  if (state.countries.length) filter.countries = [...state.countries];
  if (state.languages.length) filter.languages = [...state.languages];
  if (state.owner) filter.ownerId = state.owner;
  if (state.company) filter.companyId = state.company;
  if (state.consent) filter.emailConsent = state.consent === 'true';
  const custom = Object.entries(state.custom)
    .filter(([, value]) => value)
    .map(([key, equals]) => ({ key, equals }));
  if (custom.length) filter.custom = custom;
  const cell = rfmCellOf(state.rfm);
  if (cell?.basis === 'purchases') {
    filter.rfmRecency = cell.recency;
    filter.rfmFrequency = cell.frequency;
  } else if (cell) {
    filter.engagementRecency = cell.recency;
    filter.engagementFrequency = cell.frequency;
  }
  return Object.keys(filter).length ? filter : null;
}

export function toContactSort(state: ContactListState): ContactSort {
  const [field, direction] = state.sort.split(':') as [
    ContactSort['field'],
    ContactSort['direction'],
  ];
  return { field, direction };
}

/** A saved view back as the list's state. */
export function stateFromView(
  view: Pick<SavedContactView, 'search' | 'filter' | 'sort'>,
): ContactListState {
  const filter = view.filter;
  const consent = filter?.emailConsent;
  return {
    q: view.search ?? '',
    tags: [...(filter?.tags ?? [])],
    stages: [...(filter?.lifecycleStages ?? [])],
    countries: [...(filter?.countries ?? [])],
    languages: [...(filter?.languages ?? [])],
    owner: filter?.ownerId ?? '',
    company: filter?.companyId ?? '',
    consent: consent === true ? 'true' : consent === false ? 'false' : '',
    custom: Object.fromEntries((filter?.custom ?? []).map((entry) => [entry.key, entry.equals])),
    rfm:
      filter?.rfmRecency && filter.rfmFrequency
        ? `${filter.rfmRecency}:${filter.rfmFrequency}`
        : filter?.engagementRecency && filter.engagementFrequency
          ? `engagement:${filter.engagementRecency}:${filter.engagementFrequency}`
          : '',
    sort: view.sort ? `${view.sort.field}:${view.sort.direction}` : DEFAULT_SORT,
  };
}

/** Two states list the same contacts (saved views are matched this way). */
export const sameState = (a: ContactListState, b: ContactListState): boolean =>
  JSON.stringify(queryFromState(a)) === JSON.stringify(queryFromState(b));
