import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import UiTextField from './UiTextField.vue';

describe('UiTextField', () => {
  it('keeps a number field as the typed string (the forms trim and parse it themselves)', async () => {
    const sut = mount(UiTextField, {
      props: { label: 'Poll every', type: 'number', modelValue: '900' },
    });
    await sut.find('input').setValue('120');
    expect(sut.emitted('update:modelValue')).toEqual([['120']]);
  });
});
