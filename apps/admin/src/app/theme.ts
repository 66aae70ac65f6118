import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';
import type { PrimeVueConfiguration } from 'primevue/config';
import { ref, watch } from 'vue';
import { pickerDateFormat } from '../lib/picker-date-format.js';

/** The class on <html> that switches PrimeVue and our own styles to dark. */
export const DARK_CLASS = 'app-dark';
const STORAGE_KEY = 'socialcrm.colorScheme';

// Indigo as the brand colour, as before the component kit.
const SocialCrmPreset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{indigo.50}',
      100: '{indigo.100}',
      200: '{indigo.200}',
      300: '{indigo.300}',
      400: '{indigo.400}',
      500: '{indigo.500}',
      600: '{indigo.600}',
      700: '{indigo.700}',
      800: '{indigo.800}',
      900: '{indigo.900}',
      950: '{indigo.950}',
    },
  },
});

export function primeVueOptions(locale: string): PrimeVueConfiguration {
  return {
    theme: { preset: SocialCrmPreset, options: { darkModeSelector: `.${DARK_CLASS}` } },
    locale: primeLocale(locale) as PrimeVueConfiguration['locale'],
  };
}

/**
 * The words PrimeVue's date picker and filters show, in the user's language. Day and month
 * names come from the browser's own Intl data, so every language we ship has them.
 */
export function primeLocale(locale: string): Partial<NonNullable<PrimeVueConfiguration['locale']>> {
  const day = (style: 'long' | 'short' | 'narrow') =>
    Array.from({ length: 7 }, (_, i) =>
      new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, 0, 7 + i)),
      ),
    );
  const month = (style: 'long' | 'short') =>
    Array.from({ length: 12 }, (_, i) =>
      new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(
        new Date(Date.UTC(2024, i, 1)),
      ),
    );
  // Monday first outside the US.
  const firstDayOfWeek = locale.startsWith('en-US') ? 0 : 1;
  const today = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'day');
  return {
    today: today.charAt(0).toLocaleUpperCase(locale) + today.slice(1),
    dayNames: day('long'),
    dayNamesShort: day('short'),
    dayNamesMin: day('narrow'),
    monthNames: month('long'),
    monthNamesShort: month('short'),
    firstDayOfWeek,
    // Every date picker types and shows dates in the user's order (dd/mm/yy in Spanish).
    dateFormat: pickerDateFormat(locale),
  };
}

export type ColorScheme = 'light' | 'dark';

function initialScheme(): ColorScheme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light or dark: the system's choice until the user picks one, then theirs (kept). */
export const colorScheme = ref<ColorScheme>(initialScheme());

watch(
  colorScheme,
  (scheme) => {
    document.documentElement.classList.toggle(DARK_CLASS, scheme === 'dark');
    document.documentElement.style.colorScheme = scheme;
  },
  { immediate: true },
);

export function chooseColorScheme(scheme: ColorScheme): void {
  colorScheme.value = scheme;
  globalThis.localStorage?.setItem(STORAGE_KEY, scheme);
}
