import { mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../app/i18n.js';
import { errorBeside, messagePattern, submit } from '../../../testing/form-agreement.js';
import CustomFieldForm from './CustomFieldForm.vue';

function mountForm() {
  return mount(CustomFieldForm, {
    props: { entity: 'CONTACT', editing: null, submitting: false, serverError: null },
    global: { plugins: [createAppI18n('en')] },
  });
}

async function addOption(sut: VueWrapper, option: string): Promise<void> {
  const input = sut.find('[data-testid="custom-field-options"]');
  await input.setValue(option);
  await input.trigger('keydown', { key: 'Enter' });
}

describe('CustomFieldForm refuses what the api refuses', () => {
  it.each([
    {
      title: 'a key with capitals and spaces',
      key: 'Bad Key',
      type: 'TEXT',
      options: [],
      testid: 'custom-field-key',
      reason: 'SLUG_FORMAT',
    },
    {
      title: 'a one-of field without options',
      key: 'tier',
      type: 'ONE_OF',
      options: [],
      testid: 'custom-field-options',
      reason: 'REQUIRED',
    },
    {
      title: 'a one-of field repeating an option',
      key: 'tier',
      type: 'ONE_OF',
      options: ['gold', 'gold'],
      testid: 'custom-field-options',
      reason: 'DUPLICATE',
    },
    {
      title: 'an empty label',
      key: 'tier',
      type: 'TEXT',
      options: [],
      testid: 'custom-field-label',
      reason: 'REQUIRED',
      label: '',
    },
  ])('$title', async ({ key, type, options, testid, reason, label }) => {
    const sut = mountForm();
    await sut.find('[data-testid="custom-field-label"]').setValue(label ?? 'Tier');
    await sut.find('[data-testid="custom-field-key"]').setValue(key);
    await sut.find('[data-testid="custom-field-type"]').setValue(type);
    for (const option of options) await addOption(sut, option);
    await submit(sut);
    expect(errorBeside(sut, testid)).toMatch(messagePattern(reason));
    expect(sut.emitted('submit')).toBeUndefined();
  });

  it('emits a valid one-of definition with its options', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="custom-field-label"]').setValue('Tier');
    await sut.find('[data-testid="custom-field-key"]').setValue('tier');
    await sut.find('[data-testid="custom-field-type"]').setValue('ONE_OF');
    await addOption(sut, 'gold');
    await addOption(sut, 'silver');
    await sut.find('[data-testid="custom-field-required"]').setValue(true);
    await submit(sut);
    expect(sut.emitted('submit')?.[0]?.[0]).toEqual({
      key: 'tier',
      label: 'Tier',
      type: 'ONE_OF',
      options: ['gold', 'silver'],
      required: true,
    });
  });
});
