import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../../app/i18n.js';
import type { VoiceShare } from '../../../stats.documents.js';
import ShareOfVoiceChart from './ShareOfVoiceChart.vue';

const shares = [
  { brandId: 'own', name: 'Café Aurora', own: true, mentions: 7, reach: 0, shareByMentions: 0.778 },
  { brandId: 'rival', name: 'Rival', own: false, mentions: 2, reach: 0, shareByMentions: 0.222 },
] as unknown as VoiceShare[];

describe('ShareOfVoiceChart', () => {
  const mountIn = (locale: 'es' | 'en') =>
    mount(ShareOfVoiceChart, {
      props: { shares, ownShare: 0.778 },
      global: { plugins: [createAppI18n(locale)], stubs: { UiChart: true } },
    });

  it('shows the own share in the locale', () => {
    expect(mountIn('es').find('[data-testid="voice-own-share"]').text().replace(/\s/g, ' ')).toBe(
      '77,8 %',
    );
    expect(mountIn('en').find('[data-testid="voice-own-share"]').text()).toBe('77.8%');
  });

  it('gives the chart the same shares as its table and CSV, largest first', () => {
    const chart = mountIn('es').findComponent({ name: 'UiChart' });
    const table = chart.props('table') as { rows: unknown[][] };
    expect(table.rows.map((row) => [row[0], row[2], String(row[3]).replace(/\s/g, ' ')])).toEqual([
      ['Café Aurora', 7, '77,8 %'],
      ['Rival', 2, '22,2 %'],
    ]);
  });

  it('opens a clicked brand', async () => {
    const sut = mountIn('en');
    sut.findComponent({ name: 'UiChart' }).vm.$emit('select', { name: 'Rival', dataIndex: 1 });
    expect(sut.emitted('brand')).toEqual([['rival']]);
  });
});
