import type { StatsBucket, VoiceShare, VolumePoint } from '../../../stats.documents.js';

export type RangeKey = '7d' | '30d' | '90d';
export const RANGES: readonly RangeKey[] = ['7d', '30d', '90d'];

const DAY_MS = 24 * 3600 * 1000;
const RANGE_DAYS: Record<RangeKey, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** The last N whole UTC days up to and including today, in day (or, for 90 days, week) buckets. */
export function periodFor(
  range: RangeKey,
  now: number,
): { from: string; to: string; bucket: StatsBucket } {
  const startOfToday = Math.floor(now / DAY_MS) * DAY_MS;
  const to = startOfToday + DAY_MS;
  const from = to - RANGE_DAYS[range] * DAY_MS;
  const bucket: StatsBucket = range === '90d' ? 'WEEK' : 'DAY';
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), bucket };
}

/** A round axis maximum at or above `value`: 1, 2, 5 × 10^n (at least 1). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars of `values` in a `width` × `height` box against an axis from 0 to `max`. */
export function barGeometry(
  values: readonly number[],
  width: number,
  height: number,
  max: number,
  gap = 0.2,
): Bar[] {
  if (!values.length) return [];
  const slot = width / values.length;
  const barWidth = Math.max(slot * (1 - gap), 1);
  return values.map((value, index) => {
    const barHeight = max > 0 ? (Math.max(value, 0) / max) * height : 0;
    return {
      x: index * slot + (slot - barWidth) / 2,
      y: height - barHeight,
      width: barWidth,
      height: barHeight,
    };
  });
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

/** An SVG polyline path through the points that have a value; gaps where they have none. */
export function netSentimentPath(
  values: readonly (number | null)[],
  width: number,
  height: number,
): string {
  const slot = values.length ? width / values.length : 0;
  const parts: string[] = [];
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const x = index * slot + slot / 2;
    const y = ((1 - value) / 2) * height; // +1 at the top, -1 at the bottom
    parts.push(`${drawing ? 'L' : 'M'}${round(x)} ${round(y)}`);
    drawing = true;
  });
  return parts.join(' ');
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

/** At most `count` evenly spaced indexes of `length` labels, always the first and the last. */
export function labelIndexes(length: number, count: number): number[] {
  if (length <= 0) return [];
  if (length <= count) return Array.from({ length }, (_, index) => index);
  const step = (length - 1) / (count - 1);
  return Array.from({ length: count }, (_, index) => Math.round(index * step));
}

const round = (value: number) => Math.round(value * 10) / 10;
