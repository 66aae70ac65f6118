import { createI18n } from 'vue-i18n';
import en from '../locales/en.json';
import es from '../locales/es.json';
import ru from '../locales/ru.json';

export const LOCALES = ['es', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

export type MessageSchema = typeof es;

/**
 * Named date formats for `d(date, name)`; vue-i18n keeps one formatter per locale and name.
 * Statistics buckets are UTC days, so their formats read the date in UTC.
 */
const dateFormats = {
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  bucketDay: { month: 'short', day: 'numeric', timeZone: 'UTC' },
  bucketDate: { dateStyle: 'medium', timeZone: 'UTC' },
} as const;

/**
 * Named number formats for `n(value, name)`: every figure the admin shows goes through the
 * locale ("77,8 %" in Spanish and Russian, "77.8%" in English). One share format everywhere.
 */
const numberFormats = {
  share: { style: 'percent', maximumFractionDigits: 1 },
  score: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  count: { maximumFractionDigits: 0 },
  /** A chart's axis mark: half of an odd maximum is a fraction (2,5). */
  axis: { maximumFractionDigits: 1 },
} as const;

export function createAppI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { es, en, ru },
    datetimeFormats: { es: dateFormats, en: dateFormats, ru: dateFormats },
    numberFormats: { es: numberFormats, en: numberFormats, ru: numberFormats },
  });
}
