import { useI18n } from 'vue-i18n';
import type { Delta, KpiKey } from './chart-data.js';

/** The dashboard's figures in the user's locale: values, and signed changes against the previous period. */
export function useStatsFormat() {
  const { n, d, t, locale } = useI18n();
  const signed = (value: number, options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locale.value, { ...options, signDisplay: 'exceptZero' }).format(value);
  const compact = (value: number) =>
    new Intl.NumberFormat(locale.value, { notation: 'compact', maximumFractionDigits: 1 }).format(
      value,
    );

  /** A KPI's value: counts, scores (−1…+1) and shares each in their own format. */
  function kpiValue(key: KpiKey, value: number | null): string {
    if (value === null) return '—';
    if (key === 'netSentiment') return n(value, 'score');
    if (key === 'ownShare' || key === 'positiveShare') return n(value, 'share');
    if (key === 'reach') return compact(value);
    return n(value, 'count');
  }

  /** A KPI's absolute change: "+12", "+0,15", "+5,2 pp" (shares change in percentage points). */
  function absoluteChange(key: KpiKey, change: Delta): string {
    if (change.absolute === null) return '—';
    if (key === 'netSentiment')
      return signed(change.absolute, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (key === 'ownShare' || key === 'positiveShare') {
      return t('dashboard.points', {
        value: signed(change.absolute * 100, { maximumFractionDigits: 1 }),
      });
    }
    if (key === 'reach')
      return signed(change.absolute, { notation: 'compact', maximumFractionDigits: 1 });
    return signed(change.absolute, { maximumFractionDigits: 0 });
  }

  /** The relative change, "+25 %"; "—" from zero. */
  function relativeChange(change: Delta): string {
    return change.relative === null
      ? '—'
      : signed(change.relative, { style: 'percent', maximumFractionDigits: 1 });
  }

  const day = (ms: number | string) => d(new Date(ms), 'bucketDay');
  const date = (ms: number | string) => d(new Date(ms), 'bucketDate');
  return { n, t, locale, day, date, compact, kpiValue, absoluteChange, relativeChange };
}
