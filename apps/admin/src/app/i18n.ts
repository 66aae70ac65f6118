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

const short = { short: { year: 'numeric', month: 'short', day: 'numeric' } } as const;

export function createAppI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { es, en, ru },
    datetimeFormats: { es: short, en: short, ru: short },
  });
}
