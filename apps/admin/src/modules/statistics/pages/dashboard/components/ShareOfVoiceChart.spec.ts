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
  it('shows the own share the same way in the headline and the row, in the locale', () => {
    const sut = mount(ShareOfVoiceChart, {
      props: { shares, ownShare: 0.778 },
      global: { plugins: [createAppI18n('es')] },
    });
    const headline = sut.find('[data-testid="voice-own-share"]').text().replace(/\s/g, ' ');
    expect(headline).toBe('77,8 %');
    expect(sut.findAll('.voice__value')[0]?.text().replace(/\s/g, ' ')).toContain('77,8 %');
  });
});
