import { refusedBrandInputs } from '@socialcrm/validation/testing';
import { mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { createAppI18n } from '../../../app/i18n.js';
import type { AppErrorInfo } from '../../../lib/graphql-errors.js';
import { errorBeside, messagePattern, submit } from '../../../testing/form-agreement.js';
import { emptyBrandForm, TERM_FIELDS, type TermField } from '../brand-form-values.js';
import BrandForm from './BrandForm.vue';

function mountForm(locale: 'en' | 'es' = 'en') {
  return mount(BrandForm, {
    props: {
      initial: emptyBrandForm(),
      submitting: false,
      serverError: null,
      submitLabel: 'Create',
    },
    global: { plugins: [createAppI18n(locale)] },
  });
}

const TESTIDS: Record<TermField, string> = {
  keywords: 'brand-form-keywords',
  hashtags: 'brand-form-hashtags',
  handles: 'brand-form-handles',
  excludedTerms: 'brand-form-excluded',
};

/** Types a term into a tag box and presses Enter, as a user adds one tag. */
async function addTag(sut: VueWrapper, field: TermField, term: string): Promise<void> {
  const input = sut.find(`[data-testid="${TESTIDS[field]}"]`);
  await input.setValue(term);
  await input.trigger('keydown', { key: 'Enter' });
}

const chipsOf = (sut: VueWrapper, field: TermField) =>
  sut
    .find(`[data-testid="${TESTIDS[field]}"]`)
    .element.closest('.ui-field')
    ?.querySelectorAll('[data-testid="tag-chip"]') ?? [];

// The api refuses each of these with the same field and reason (tests/integration/form-agreement).
describe('BrandForm refuses what the api refuses', () => {
  it.each(refusedBrandInputs)('$title', async ({ input, field, reason }) => {
    const sut = mountForm();
    await sut.find('[data-testid="brand-form-name"]').setValue(String(input.name));
    await sut.find('[data-testid="brand-form-kind"]').setValue(String(input.kind));
    for (const list of TERM_FIELDS) {
      for (const term of (input[list] as string[] | undefined) ?? []) await addTag(sut, list, term);
    }
    await submit(sut);
    const shownOn = field.split('.')[0] as TermField | 'name';
    const testid = shownOn === 'name' ? 'brand-form-name' : TESTIDS[shownOn];
    expect(errorBeside(sut, testid)).toMatch(messagePattern(reason));
    expect(sut.emitted('submit')).toBeUndefined();
  });
});

describe('BrandForm', () => {
  it('edits terms as tags: Enter and a comma add, Backspace and the labelled button remove', async () => {
    const sut = mountForm();
    const keywords = sut.find('[data-testid="brand-form-keywords"]');
    await addTag(sut, 'keywords', 'nova');
    await keywords.setValue('nova sports, nova');
    expect([...chipsOf(sut, 'keywords')].map((chip) => chip.textContent?.trim())).toEqual([
      'nova',
      'nova sports',
    ]);
    expect((keywords.element as HTMLInputElement).value).toBe('nova');
    await keywords.setValue('');
    await keywords.trigger('keydown', { key: 'Backspace' });
    expect(chipsOf(sut, 'keywords')).toHaveLength(1);
    const remove = sut.find('[data-testid="tag-remove"]');
    expect(remove.attributes('aria-label')).toBe('Remove “nova”');
    await remove.trigger('click');
    expect(chipsOf(sut, 'keywords')).toHaveLength(0);
  });

  it('emits the values, terms as lists, when they are valid', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="brand-form-name"]').setValue('Nova');
    await addTag(sut, 'handles', '@nova');
    await addTag(sut, 'handles', 'nova.sports');
    await submit(sut);
    expect(sut.emitted('submit')?.[0]?.[0]).toMatchObject({
      name: 'Nova',
      kind: 'OWN',
      handles: ['@nova', 'nova.sports'],
      keywords: [],
    });
  });

  it('says a server field error in the user’s language beside its field', async () => {
    const sut = mountForm('es');
    await sut.find('[data-testid="brand-form-name"]').setValue('Nova');
    await addTag(sut, 'keywords', 'nova');
    await submit(sut);
    const serverError: AppErrorInfo = {
      code: 'CONFLICT',
      message: 'A brand with this name already exists',
      fields: [
        {
          field: 'name',
          index: null,
          path: 'name',
          message: 'A brand with this name already exists',
          reason: 'ALREADY_EXISTS',
        },
      ],
    };
    await sut.setProps({ serverError });
    await nextTick();
    expect(errorBeside(sut, 'brand-form-name')).toBe('Ya existe: elige otro.');
  });
});
