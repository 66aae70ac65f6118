/** Chart colours readable on the light and the dark surface alike. */
export const PALETTE = {
  primary: '#6366f1',
  spike: '#f59e0b',
  ghost: '#94a3b8',
  positive: '#10b981',
  neutral: '#94a3b8',
  negative: '#ef4444',
  line: '#8b5cf6',
} as const;

/** Axis and grid text that follows the theme (ECharts' dark theme handles the rest). */
export const GRID = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true } as const;

/**
 * Axes of a ranking drawn as horizontal bars (most first, top down), with figures in the
 * user's locale: the brand, channel, language and term charts share it.
 */
export function rankingAxes(labels: string[], n: (value: number, format: string) => string) {
  const count = (value: unknown) => (value == null ? '—' : n(Number(value), 'count'));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: count },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => n(v, 'axis') } },
    yAxis: { type: 'category', inverse: true, data: labels },
  } as const;
}
