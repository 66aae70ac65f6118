import type { StatsBucket, VoiceShare, VolumePoint } from '../../../stats.documents.js';

export type RangeKey = '7d' | '30d' | '90d';
export const RANGES: readonly RangeKey[] = ['7d', '30d', '90d'];

export const DAY_MS = 24 * 3600 * 1000;
const RANGE_DAYS: Record<RangeKey, number> = { '7d': 7, '30d': 30, '90d': 90 };
/** The api measures at most 1,096 days. */
export const MAX_DAYS = 1096;

/** A measured period [from, to) in epoch milliseconds, whole UTC days, and its bucket. */
export interface Period {
  from: number;
  to: number;
  bucket: StatsBucket;
}

/** Days up to 62 in days, up to 400 weeks in weeks: readable bars, within the api's 400 buckets. */
export function bucketFor(days: number): StatsBucket {
  if (days <= 62) return 'DAY';
  return 'WEEK';
}

const startOfUtcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** The last N whole UTC days up to and including today. */
export function presetPeriod(range: RangeKey, now: number): Period {
  const to = startOfUtcDay(now) + DAY_MS;
  const from = to - RANGE_DAYS[range] * DAY_MS;
  return { from, to, bucket: bucketFor(RANGE_DAYS[range]) };
}

/** The previous period of the same length, just before: [from − (to − from), from). */
export function previousPeriod(period: Period): Period {
  return { from: period.from - (period.to - period.from), to: period.from, bucket: period.bucket };
}

/** A period as the api's `StatsPeriodInput`. */
export function periodInput(period: Period): { from: string; to: string; bucket: StatsBucket } {
  return {
    from: new Date(period.from).toISOString(),
    to: new Date(period.to).toISOString(),
    bucket: period.bucket,
  };
}

/** `periodFor('30d', now)`: the preset as the api's input (kept for callers of the presets). */
export function periodFor(range: RangeKey, now: number) {
  return periodInput(presetPeriod(range, now));
}

/** "2026-03-01" for a UTC day. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function parseIsoDay(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** What the dashboard's URL says: a preset (`range=7d`) or a custom range of days (`from`, `to`, inclusive). */
export type RangeChoice = { preset: RangeKey } | { from: string; to: string };

/**
 * The range in the dashboard's query: `?from=2026-03-01&to=2026-03-14` (days, both included)
 * or `?range=7d`; the last 30 days when absent or invalid.
 */
export function rangeFromQuery(query: Record<string, unknown>): RangeChoice {
  const from = parseIsoDay(first(query.from));
  const to = parseIsoDay(first(query.to));
  if (from !== null && to !== null && to >= from && (to - from) / DAY_MS < MAX_DAYS) {
    return { from: isoDay(from), to: isoDay(to) };
  }
  const range = first(query.range);
  return { preset: (RANGES as readonly unknown[]).includes(range) ? (range as RangeKey) : '30d' };
}

/** The query that keeps a range choice in the URL (the default stays implicit). */
export function rangeToQuery(choice: RangeChoice): Record<string, string | undefined> {
  if ('preset' in choice) {
    return {
      range: choice.preset === '30d' ? undefined : choice.preset,
      from: undefined,
      to: undefined,
    };
  }
  return { range: undefined, from: choice.from, to: choice.to };
}

/** The measured period of a range choice at `now`. */
export function periodOf(choice: RangeChoice, now: number): Period {
  if ('preset' in choice) return presetPeriod(choice.preset, now);
  const from = parseIsoDay(choice.from) ?? 0;
  const to = (parseIsoDay(choice.to) ?? from) + DAY_MS;
  return { from, to, bucket: bucketFor(Math.round((to - from) / DAY_MS)) };
}

/** A change against the previous period: absolute, and relative (null from zero or unknown). */
export interface Delta {
  current: number | null;
  previous: number | null;
  absolute: number | null;
  relative: number | null;
}

export function delta(
  current: number | null | undefined,
  previous: number | null | undefined,
): Delta {
  const cur = current ?? null;
  const prev = previous ?? null;
  if (cur === null || prev === null)
    return { current: cur, previous: prev, absolute: null, relative: null };
  const absolute = cur - prev;
  return {
    current: cur,
    previous: prev,
    absolute,
    relative: prev === 0 ? null : absolute / Math.abs(prev),
  };
}

/** The figures the KPI tiles show, for one period. */
export interface Kpis {
  mentions: number;
  reach: number;
  netSentiment: number | null;
  ownShare: number | null;
  positiveShare: number | null;
  alerts: number;
}

export function kpisOf(stats: {
  mentions?: number | null;
  volume: readonly VolumePoint[];
  netSentiment: number | null;
  ownShareByMentions: number | null;
  alerts: readonly unknown[];
}): Kpis {
  const sum = (pick: (p: VolumePoint) => number) => stats.volume.reduce((s, p) => s + pick(p), 0);
  const mentions = stats.mentions ?? sum((p) => p.mentions);
  const positive = sum((p) => p.positive);
  const classified = sum((p) => p.positive + p.neutral + p.negative);
  return {
    mentions,
    reach: sum((p) => p.reach),
    netSentiment: stats.netSentiment,
    ownShare: stats.ownShareByMentions,
    positiveShare: classified ? positive / classified : null,
    alerts: stats.alerts.length,
  };
}

export type KpiKey = keyof Kpis;
export const KPI_KEYS: readonly KpiKey[] = [
  'mentions',
  'netSentiment',
  'ownShare',
  'positiveShare',
  'reach',
  'alerts',
];

/** Every KPI against the previous period's (null previous: no comparison yet). */
export function kpiDeltas(current: Kpis, previous: Kpis | null): Record<KpiKey, Delta> {
  return Object.fromEntries(
    KPI_KEYS.map((key) => [key, delta(current[key], previous ? previous[key] : null)]),
  ) as Record<KpiKey, Delta>;
}

/**
 * Whether a change is good news: more mentions, reach, sentiment and share are; more alerts
 * are not. Null when there is no change to judge.
 */
export function deltaTone(key: KpiKey, change: Delta): 'up' | 'down' | 'flat' | null {
  if (change.absolute === null) return null;
  if (Math.abs(change.absolute) < 1e-9) return 'flat';
  const better = key === 'alerts' ? change.absolute < 0 : change.absolute > 0;
  return better ? 'up' : 'down';
}

/**
 * The previous period's values aligned to the current buckets by position (day 1 against
 * day 1); null where the previous period has no such bucket.
 */
export function alignPrevious(
  current: readonly VolumePoint[],
  previous: readonly VolumePoint[] | null | undefined,
): (number | null)[] {
  return current.map((_, index) => previous?.[index]?.mentions ?? null);
}

/** The [from, to) of one bucket of a period, clamped to the period. */
export function bucketRange(
  points: readonly { bucketStart: string }[],
  index: number,
  period: Period,
): { from: number; to: number } | null {
  const point = points[index];
  if (!point) return null;
  const start = Date.parse(point.bucketStart);
  const next = points[index + 1];
  const end = next ? Date.parse(next.bucketStart) : period.to;
  return { from: Math.max(start, period.from), to: Math.min(end, period.to) };
}

/** The live feed's query parameters (agreed with the feed page). */
export interface FeedQuery {
  from?: string;
  to?: string;
  brand?: string[];
  channel?: string[];
  language?: string[];
  author?: string;
  q?: string;
  sentiment?: string[];
}

/** What was clicked on the dashboard: narrows the dashboard's own filter. */
export type Drill =
  | { kind: 'period' }
  | { kind: 'bucket'; from: number; to: number; sentiment?: string }
  | { kind: 'brand'; id: string }
  | { kind: 'channel'; channel: string }
  | { kind: 'language'; language: string }
  | { kind: 'author'; handle: string }
  | { kind: 'term'; term: string }
  | { kind: 'hashtag'; tag: string };

/**
 * The feed query that lists exactly the mentions behind a clicked bar, slice or row: the
 * dashboard's period and brands, narrowed by what was clicked.
 */
export function feedQuery(period: Period, brandIds: readonly string[], drill: Drill): FeedQuery {
  const query: FeedQuery = {
    from: new Date(period.from).toISOString(),
    to: new Date(period.to).toISOString(),
  };
  if (brandIds.length) query.brand = [...brandIds];
  switch (drill.kind) {
    case 'period':
      break;
    case 'bucket':
      query.from = new Date(drill.from).toISOString();
      query.to = new Date(drill.to).toISOString();
      if (drill.sentiment) query.sentiment = [drill.sentiment];
      break;
    case 'brand':
      query.brand = [drill.id];
      break;
    case 'channel':
      query.channel = [drill.channel];
      break;
    case 'language':
      query.language = [drill.language];
      break;
    case 'author':
      query.author = drill.handle.replace(/^@/, '');
      break;
    case 'term':
      query.q = drill.term;
      break;
    case 'hashtag':
      query.q = `#${drill.tag}`;
      break;
  }
  return query;
}

export interface SentimentShare {
  bucketStart: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
  net: number | null;
}

/** Per bucket: the share (0–1) of positive, neutral and negative mentions, and net sentiment. */
export function sentimentShares(points: readonly VolumePoint[]): SentimentShare[] {
  return points.map((point) => {
    const total = point.positive + point.neutral + point.negative;
    const share = (count: number) => (total ? count / total : 0);
    return {
      bucketStart: point.bucketStart,
      total,
      positive: share(point.positive),
      neutral: share(point.neutral),
      negative: share(point.negative),
      net: point.netSentiment ?? null,
    };
  });
}

export interface VoiceSlice {
  brandId: string;
  name: string;
  own: boolean;
  mentions: number;
  share: number;
}

/** Share of voice by mentions, largest first; own brands first among equals. */
export function voiceSlices(shares: readonly VoiceShare[]): VoiceSlice[] {
  const total = shares.reduce((sum, share) => sum + share.mentions, 0);
  return shares
    .map((share) => ({
      brandId: share.brandId,
      name: share.name,
      own: share.own,
      mentions: share.mentions,
      share: share.shareByMentions ?? (total ? share.mentions / total : 0),
    }))
    .sort((a, b) => b.share - a.share || Number(b.own) - Number(a.own));
}
