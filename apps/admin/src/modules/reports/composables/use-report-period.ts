import { computed } from 'vue';
import { type LocationQueryRaw, useRoute, useRouter } from 'vue-router';
import {
  DAY_MS,
  type Period,
  periodOf,
  previousPeriod,
  type RangeChoice,
  rangeFromQuery,
  rangeToQuery,
} from '../../statistics/pages/dashboard/composables/chart-data.js';

/**
 * The reported period, kept in the URL like the listening dashboard's (`?range=7d` or
 * `?from=2026-03-01&to=2026-03-14`, whole UTC days), so a shared link shows the same numbers.
 */
export function useReportPeriod() {
  const route = useRoute();
  const router = useRouter();
  const choice = computed(() => rangeFromQuery(route.query));
  const period = computed<Period>(() => periodOf(choice.value, Date.now()));
  const input = computed(() => ({
    from: new Date(period.value.from).toISOString(),
    to: new Date(period.value.to).toISOString(),
  }));
  const previous = computed(() => previousPeriod(period.value));

  function choose(next: RangeChoice): void {
    const query: LocationQueryRaw = { ...route.query, ...rangeToQuery(next) };
    for (const key of Object.keys(query)) if (query[key] === undefined) delete query[key];
    void router.replace({ query });
  }

  /** The last day of a period, for showing: periods end at the start of the next day. */
  const lastDay = (p: Period) => p.to - DAY_MS;
  return { choice, period, previous, input, choose, lastDay };
}
