import { useI18n } from 'vue-i18n';
import type { ReportFigureData } from '../reports.documents.js';

/** How a measure reads: a count, an amount of money, a rate (fraction) or a score in [−1, 1]. */
export type FigureKind = 'count' | 'money' | 'rate' | 'score';
export type Direction = 'up' | 'down' | 'flat' | 'none';

/** Report figures in the user's locale, and their change against the previous period. */
export function useReportFormat() {
  const { t, n, d, locale } = useI18n();
  const format = (value: number, options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locale.value, options).format(value);

  function value(kind: FigureKind, amount: number | null, currency?: string | null): string {
    if (amount === null) return '—';
    if (kind === 'money') {
      return currency
        ? format(amount, { style: 'currency', currency, maximumFractionDigits: 0 })
        : t('reports.mixedCurrencies');
    }
    if (kind === 'rate') return n(amount, 'share');
    if (kind === 'score') return n(amount, 'score');
    return n(amount, 'count');
  }

  /**
   * The change as people quote it: counts and money in percent of the previous value, rates
   * in percentage points, scores as a signed difference.
   */
  function change(kind: FigureKind, figure: ReportFigureData): string {
    if (kind === 'rate') {
      return figure.difference === null
        ? '—'
        : t('reports.points', {
            value: format(figure.difference * 100, {
              maximumFractionDigits: 1,
              signDisplay: 'exceptZero',
            }),
          });
    }
    if (kind === 'score') {
      return figure.difference === null
        ? '—'
        : format(figure.difference, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
    }
    return figure.change === null
      ? '—'
      : format(figure.change, {
          style: 'percent',
          maximumFractionDigits: 1,
          signDisplay: 'exceptZero',
        });
  }

  function direction(figure: ReportFigureData): Direction {
    if (figure.difference === null) return 'none';
    if (Math.abs(figure.difference) < 1e-12) return 'flat';
    return figure.difference > 0 ? 'up' : 'down';
  }

  const day = (ms: number | string) => d(new Date(ms), 'bucketDate');
  return { t, value, change, direction, day };
}
