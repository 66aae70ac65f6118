import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../app/i18n.js';
import type { MergeContact, MergePlan } from '../merge-plan.js';
import MergePreview from './MergePreview.vue';

function contact(overrides: Partial<MergeContact> & Pick<MergeContact, 'id'>): MergeContact {
  return {
    displayName: 'Ana García',
    firstName: 'Ana',
    lastName: 'García',
    emails: [],
    phones: [],
    language: null,
    country: null,
    city: null,
    tags: [],
    lifecycleStage: 'lead',
    externalId: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    orderCount: 0,
    identities: [],
    companies: [],
    ...overrides,
  };
}

const SURVIVOR = contact({ id: 'c-1', emails: ['ana@example.com'] });
const MERGED = contact({
  id: 'c-2',
  displayName: 'ana garcia',
  emails: ['ana.g@example.com'],
  city: 'Sevilla',
  identities: [{ id: 'i-9', channel: 'INSTAGRAM', handle: 'anagarcia' }],
  companies: [{ role: 'Buyer', company: { id: 'co-1', name: 'Tostado Sur' } }],
});

const PLAN: MergePlan = {
  survivorId: 'c-1',
  mergedIds: ['c-2'],
  result: {
    displayName: 'Ana García',
    firstName: 'Ana',
    lastName: 'García',
    emails: ['ana@example.com', 'ana.g@example.com'],
    phones: [],
    language: null,
    country: null,
    city: 'Sevilla',
    tags: [],
    lifecycleStage: 'lead',
    externalId: null,
    customFields: [{ key: 'size', value: 'M' }],
  },
  identityIds: ['i-9'],
  companyLinks: [{ companyId: 'co-1', role: 'Buyer', fromContactId: 'c-2' }],
  companyLinksDropped: 1,
  timelineEntries: 7,
  orders: 2,
  engagementEvents: 3,
  noteVersions: 0,
  mentionsAuthored: 4,
};

function mountPreview(locale: 'en' | 'es' | 'ru' = 'en') {
  return mount(MergePreview, {
    props: { plan: PLAN, contacts: [SURVIVOR, MERGED] },
    global: { plugins: [createAppI18n(locale)] },
  });
}

const field = (sut: ReturnType<typeof mountPreview>, name: string) =>
  sut.find(`[data-testid="merge-preview-field"][data-field="${name}"]`);
const count = (sut: ReturnType<typeof mountPreview>, kind: string) =>
  sut.find(`[data-testid="merge-preview-count"][data-kind="${kind}"]`).attributes('data-count');

describe('MergePreview', () => {
  it('shows the fields the result keeps, marking those that come from a merged contact', () => {
    const sut = mountPreview();
    expect(field(sut, 'displayName').text()).toContain('Ana García');
    expect(field(sut, 'displayName').attributes('data-changed')).toBe('false');
    expect(field(sut, 'emails').text()).toContain('ana@example.com, ana.g@example.com');
    expect(field(sut, 'emails').attributes('data-changed')).toBe('true');
    expect(field(sut, 'city').attributes('data-changed')).toBe('true');
    expect(field(sut, 'custom.size').text()).toContain('M');
    // Blank fields are left out rather than shown empty.
    expect(field(sut, 'country').exists()).toBe(false);
  });

  it('counts everything that moves and names the identities and companies', () => {
    const sut = mountPreview();
    expect(count(sut, 'timelineEntries')).toBe('7');
    expect(count(sut, 'orders')).toBe('2');
    expect(count(sut, 'engagementEvents')).toBe('3');
    expect(count(sut, 'mentionsAuthored')).toBe('4');
    expect(count(sut, 'identities')).toBe('1');
    expect(count(sut, 'companyLinks')).toBe('1');
    expect(sut.find('[data-testid="merge-preview-identity"]').text()).toBe('Instagram · anagarcia');
    expect(sut.find('[data-testid="merge-preview-company"]').text()).toBe('Tostado Sur (Buyer)');
    expect(sut.find('[data-testid="merge-preview-dropped"]').text()).toContain('1');
    expect(sut.find('[data-testid="merge-preview-summary"]').text()).toContain(
      'ana garcia merges into Ana García',
    );
  });

  it('speaks Spanish and Russian', () => {
    expect(mountPreview('es').find('[data-testid="merge-preview-count"]').text()).toBe(
      'Entradas del historial: 7',
    );
    expect(mountPreview('ru').find('[data-testid="merge-preview-count"]').text()).toBe(
      'Записей истории: 7',
    );
  });
});
