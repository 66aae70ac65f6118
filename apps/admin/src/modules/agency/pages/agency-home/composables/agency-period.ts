export const PERIOD_DAYS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];
const DAY_MS = 86_400_000;

/** The last N whole UTC days up to and including today, by day, as the api's period. */
export function agencyPeriod(days: PeriodDays, now: number) {
  const to = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  return {
    from: new Date(to - days * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
    bucket: 'DAY' as const,
  };
}

export const isPeriodDays = (value: unknown): value is PeriodDays =>
  PERIOD_DAYS.includes(Number(value) as PeriodDays);
