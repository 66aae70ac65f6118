import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { createAppI18n } from '../../../app/i18n.js';
import type { AppErrorInfo } from '../../../lib/graphql-errors.js';
import { emptyBrandForm } from '../brand-validation.js';
import BrandForm from './BrandForm.vue';

function mountForm(serverError: AppErrorInfo | null = null) {
  return mount(BrandForm, {
    props: { initial: emptyBrandForm(), submitting: false, serverError, submitLabel: 'Create' },
    global: { plugins: [createAppI18n('en')] },
  });
}

const errorsOf = (wrapper: ReturnType<typeof mountForm>) =>
  wrapper.findAll('[data-testid="field-error"]').map((e) => e.text());

describe('BrandForm', () => {
  it('shows client-side messages only after a submit attempt, and does not submit', async () => {
    const sut = mountForm();
    expect(errorsOf(sut)).toEqual([]);
    await sut.find('[data-testid="brand-form-hashtags"]').setValue('bad tag');
    await sut.find('form').trigger('submit');
    expect(errorsOf(sut)).toEqual([
      'This field is required.',
      '“bad tag” is not a valid hashtag: use letters, digits or _ after an optional #.',
    ]);
    expect(sut.emitted('submit')).toBeUndefined();
  });

  it('asks for at least one keyword, hashtag or handle', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="brand-form-name"]').setValue('Nova');
    await sut.find('form').trigger('submit');
    expect(errorsOf(sut)).toEqual(['Add at least one keyword, hashtag or handle.']);
  });

  it('emits the values when they are valid', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="brand-form-name"]').setValue('Nova');
    await sut.find('[data-testid="brand-form-handles"]').setValue('@nova, nova.sports');
    await sut.find('form').trigger('submit');
    expect(sut.emitted('submit')?.[0]?.[0]).toMatchObject({
      name: 'Nova',
      handles: '@nova, nova.sports',
    });
  });

  it('shows server field errors beside their field until it changes', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="brand-form-name"]').setValue('Nova');
    await sut.find('[data-testid="brand-form-hashtags"]').setValue('ok, fine');
    await sut.find('form').trigger('submit');
    await sut.setProps({
      serverError: {
        code: 'BAD_USER_INPUT',
        message: 'input.hashtags.1: taken',
        fields: [{ field: 'hashtags', index: 1, message: 'is taken' }],
      },
    });
    await nextTick();
    const hashtags = sut.find('[data-testid="brand-form-hashtags"]');
    expect(hashtags.attributes('aria-invalid')).toBe('true');
    expect(errorsOf(sut)).toEqual(['“fine”: is taken']);
    await hashtags.setValue('ok, other');
    expect(errorsOf(sut)).toEqual([]);
  });

  it('says a server field error in the user’s language when the api gives its reason', async () => {
    const sut = mount(BrandForm, {
      props: {
        initial: emptyBrandForm(),
        submitting: false,
        serverError: null,
        submitLabel: 'Crear',
      },
      global: { plugins: [createAppI18n('es')] },
    });
    await sut.find('[data-testid="brand-form-name"]').setValue('Nova');
    await sut.find('[data-testid="brand-form-keywords"]').setValue('nova');
    await sut.find('form').trigger('submit');
    await sut.setProps({
      serverError: {
        code: 'CONFLICT',
        message: 'A brand with this name already exists',
        fields: [
          {
            field: 'name',
            index: null,
            message: 'A brand with this name already exists',
            reason: 'ALREADY_EXISTS',
          },
        ],
      },
    });
    await nextTick();
    expect(errorsOf(sut)).toEqual(['Ya existe: elige otro.']);
  });
});
