import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../app/i18n.js';
import { errorBeside, submit } from '../../testing/form-agreement.js';
import UiNameDialog from './UiNameDialog.vue';

// The kit's Dialog teleports to the body; a plain stand-in keeps the form inside the wrapper.
const Dialog = { props: ['visible'], template: '<div v-if="visible"><slot /></div>' };

function mountDialog() {
  return mount(UiNameDialog, {
    props: {
      visible: false,
      header: 'Rename',
      label: 'Name',
      submitLabel: 'Save',
      initialName: 'Hot leads',
      error: null,
      testid: 'view',
    },
    global: { plugins: [createAppI18n('en')], stubs: { Dialog } },
  });
}

describe('UiNameDialog', () => {
  it('starts from the given name each time it opens and submits the typed one', async () => {
    const sut = mountDialog();
    await sut.setProps({ visible: true });
    const input = sut.find<HTMLInputElement>('[data-testid="view-name"]');
    expect(input.element.value).toBe('Hot leads');
    await input.setValue('Warm leads');
    await submit(sut);
    expect(sut.emitted('submit')).toEqual([['Warm leads']]);

    await sut.setProps({ visible: false });
    await sut.setProps({ visible: true });
    expect(sut.find<HTMLInputElement>('[data-testid="view-name"]').element.value).toBe('Hot leads');
  });

  it('refuses a blank name beside the field without submitting', async () => {
    const sut = mountDialog();
    await sut.setProps({ visible: true });
    await sut.find('[data-testid="view-name"]').setValue('  ');
    await submit(sut);
    expect(sut.emitted('submit')).toBeUndefined();
    expect(errorBeside(sut, 'view-name')).toBeTruthy();
  });
});
