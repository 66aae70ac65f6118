import type { RelativeDateUnit } from './segment-rule.js';

const DAY_MS = 86_400_000;

// A date alone, or a date and time with an explicit zone: a time without a zone would be read
// in the server's local time, so evaluator and database could disagree.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads an ISO 8601 date (`2024-05-01`, midnight UTC) or instant with a zone
 * (`2024-05-01T10:00:00+02:00`), in years 0001..9999, as epoch milliseconds (fractions beyond
 * milliseconds are dropped). Anything else, impossible dates included, gives undefined.
 */
export function parseInstant(text: string): number | undefined {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year === 0 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = utcDate(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const offset = zone === 'Z' ? 0 : zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  return date.getTime() + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
}

function zoneOffsetMinutes(zone: string): number | undefined {
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * `now` moved back by `amount` units. Days and weeks are exact multiples of 24 hours; months and
 * years step the UTC calendar and clamp the day to the target month (31 March − 1 month is
 * 28 or 29 February), keeping the time of day.
 */
export function instantBefore(now: Date, amount: number, unit: RelativeDateUnit): Date {
  switch (unit) {
    case 'days':
      return new Date(now.getTime() - amount * DAY_MS);
    case 'weeks':
      return new Date(now.getTime() - amount * 7 * DAY_MS);
    case 'months':
      return monthsBefore(now, amount);
    case 'years':
      return monthsBefore(now, amount * 12);
  }
}

function monthsBefore(now: Date, months: number): Date {
  const result = new Date(now.getTime());
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  result.setUTCDate(Math.min(now.getUTCDate(), daysInMonth(result)));
  return result;
}

/** Whole years from a birth instant to `now`, by UTC calendar days (birthday reached on the day). */
export function ageInYears(birth: number, now: Date): number {
  const born = new Date(birth);
  const before =
    now.getUTCMonth() < born.getUTCMonth() ||
    (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate());
  return now.getUTCFullYear() - born.getUTCFullYear() - (before ? 1 : 0);
}

/**
 * The instant B such that `ageInYears(birth, now) >= years` exactly when `birth < B`: midnight
 * UTC after the day `years` years before `now`'s UTC date (29 February clamps to 28 February in
 * a common year). It lets the compiler turn an age test into a birth-date range.
 */
export function ageAtLeastBound(now: Date, years: number): Date {
  const day = utcDate(now.getUTCFullYear() - years, now.getUTCMonth(), 1);
  day.setUTCDate(Math.min(now.getUTCDate(), daysInMonth(day)) + 1);
  return day;
}

function utcDate(year: number, month: number, day: number): Date {
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
}

function daysInMonth(date: Date): number {
  return utcDate(date.getUTCFullYear(), date.getUTCMonth() + 1, 0).getUTCDate();
}
