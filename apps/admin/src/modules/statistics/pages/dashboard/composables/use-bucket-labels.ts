import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { labelIndexes } from './chart-data.js';

/** Short dates of buckets, and the few spread along a chart's axis (shared by the time charts). */
export function useBucketLabels(points: () => readonly { bucketStart: string }[]) {
  const { d } = useI18n();
  const dateOf = (iso: string) => d(new Date(iso), 'bucketDay');
  const labels = computed(() => {
    const list = points();
    return labelIndexes(list.length, 6).map((index) => ({
      index,
      left: `${((index + 0.5) / Math.max(list.length, 1)) * 100}%`,
      text: dateOf(list[index]?.bucketStart ?? ''),
    }));
  });
  return { dateOf, labels };
}
