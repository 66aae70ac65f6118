import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '../../../../../app/i18n.js';
import type { ContactRow } from '../../../contact.documents.js';
import ContactTable from './ContactTable.vue';

const row = (index: number): ContactRow => ({
  id: `contact-${index}`,
  displayName: `Person ${index}`,
  emails: [`person${index}@example.com`],
  country: 'ES',
  language: 'es',
  tags: [],
  ownerId: null,
  lifecycleStage: 'lead',
  emailConsent: { granted: null },
  companies: [],
  createdAt: '2026-12-01T10:00:00.000Z',
});

// happy-dom lays nothing out: give the scroller a viewport of 440px (ten 44px rows).
const VIEWPORT = 440;
let restore: () => void;
beforeEach(() => {
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get() {
      return (this as HTMLElement).dataset?.testid === 'contact-table' ? VIEWPORT : 44;
    },
  });
  restore = () => {
    if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height);
  };
});
afterEach(() => restore());

function mountTable(count: number, hasMore = false) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/contacts/:id', name: 'contact', component: { template: '<div />' } }],
  });
  return mount(ContactTable, {
    props: {
      rows: Array.from({ length: count }, (_, index) => row(index)),
      hasMore,
      loading: false,
      selectable: true,
      ownerName: () => '—',
    },
    global: { plugins: [createAppI18n('en'), router] },
    attachTo: document.body,
  });
}

describe('ContactTable', () => {
  it('renders a window of rows, not every loaded row, and pads for the rest', async () => {
    const sut = mountTable(5000);
    await flushPromises();
    const rendered = sut.findAll('[data-testid="contact-row"]');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]?.text()).toContain('Person 0');
    // The rows not drawn still take their height, so the scroll bar is the whole list's.
    const spacer = sut.find('tbody tr[aria-hidden="true"] td');
    expect(
      Number.parseInt(spacer.attributes('style')?.match(/height: (\d+)px/)?.[1] ?? '0', 10),
    ).toBeGreaterThan(4000 * 44);
    sut.unmount();
  });

  it('draws later rows when scrolled, still only a window', async () => {
    const sut = mountTable(5000);
    await flushPromises();
    const scroller = sut.find('[data-testid="contact-table"]').element as HTMLElement;
    scroller.scrollTop = 44 * 2000;
    scroller.dispatchEvent(new Event('scroll'));
    await flushPromises();
    const names = sut.findAll('[data-testid="contact-name"]').map((link) => link.text());
    expect(names).toContain('Person 2000');
    expect(names).not.toContain('Person 0');
    expect(names.length).toBeLessThan(40);
    sut.unmount();
  });

  it('asks for the next page when the window nears the last loaded row', async () => {
    const sut = mountTable(20, true);
    await flushPromises();
    expect(sut.emitted('loadMore')?.length).toBeGreaterThan(0);
    const none = mountTable(20, false);
    await flushPromises();
    expect(none.emitted('loadMore')).toBeUndefined();
    sut.unmount();
    none.unmount();
  });

  it('selects rows, and all loaded rows at once', async () => {
    const sut = mountTable(3);
    await flushPromises();
    await sut.findAll('[data-testid="contact-select"]')[1]?.setValue(true);
    expect(sut.emitted('update:selected')?.at(-1)).toEqual([['contact-1']]);
    await sut.find('[data-testid="contact-select-all"]').setValue(true);
    expect(sut.emitted('update:selected')?.at(-1)).toEqual([
      ['contact-0', 'contact-1', 'contact-2'],
    ]);
    sut.unmount();
  });
});
