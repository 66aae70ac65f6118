import { mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { createAppI18n } from '../../../app/i18n.js';
import type { AppErrorInfo } from '../../../lib/graphql-errors.js';
import { errorBeside, messagePattern, submit } from '../../../testing/form-agreement.js';
import type { CustomFieldDefinition } from '../../custom-fields/custom-field.documents.js';
import { emptyContactForm } from '../contact-form-values.js';
import ContactForm from './ContactForm.vue';

const field = (
  key: string,
  type: CustomFieldDefinition['type'],
  extra: Partial<CustomFieldDefinition> = {},
): CustomFieldDefinition => ({
  id: `id-${key}`,
  entity: 'CONTACT',
  key,
  label: key,
  type,
  options: [],
  required: false,
  position: 0,
  ...extra,
});
const DEFINITIONS = [
  field('plan', 'ONE_OF', { options: ['basic', 'pro'], required: true }),
  field('seats', 'NUMBER'),
  field('renewal', 'DATE'),
  field('vip', 'BOOLEAN'),
];

function mountForm(locale: 'en' | 'es' = 'en') {
  return mount(ContactForm, {
    props: {
      initial: emptyContactForm(DEFINITIONS),
      definitions: DEFINITIONS,
      owners: [],
      submitting: false,
      serverError: null,
      submitLabel: 'Create',
    },
    global: { plugins: [createAppI18n(locale)] },
  });
}

async function addTag(sut: VueWrapper, testid: string, term: string): Promise<void> {
  const input = sut.find(`[data-testid="${testid}"]`);
  await input.setValue(term);
  await input.trigger('keydown', { key: 'Enter' });
}

/** Fills the form validly (the required custom field too), then applies one refusal. */
async function fillValid(sut: VueWrapper): Promise<void> {
  await sut.find('[data-testid="contact-form-firstName"]').setValue('Lucía');
  await sut.find('[data-testid="custom-field-plan"]').setValue('pro');
}

// Each refusal is said beside its own field, with the reason the api gives for it.
const REFUSALS: {
  title: string;
  apply: (sut: VueWrapper) => Promise<void>;
  testid: string;
  reason: string;
  format?: string;
}[] = [
  {
    title: 'an email that is not an address',
    apply: (sut) => addTag(sut, 'contact-form-emails', 'lucia-at-example'),
    testid: 'contact-form-emails',
    reason: 'INVALID_FORMAT',
    format: 'email',
  },
  {
    title: 'a language that is not a BCP 47 tag',
    apply: (sut) => sut.find('[data-testid="contact-form-language"]').setValue('spanish!'),
    testid: 'contact-form-language',
    reason: 'LANGUAGE',
  },
  {
    title: 'a country that is not ISO 3166-1',
    apply: (sut) => sut.find('[data-testid="contact-form-country"]').setValue('XX'),
    testid: 'contact-form-country',
    reason: 'COUNTRY',
  },
  {
    title: 'a first name over 100 characters',
    apply: (sut) => sut.find('[data-testid="contact-form-firstName"]').setValue('x'.repeat(101)),
    testid: 'contact-form-firstName',
    reason: 'TOO_LONG',
  },
  {
    title: 'a required custom field left empty',
    apply: (sut) => sut.find('[data-testid="custom-field-plan"]').setValue(''),
    testid: 'custom-field-plan',
    reason: 'REQUIRED',
  },
  {
    title: 'a number custom field that is not a number',
    apply: (sut) => sut.find('[data-testid="custom-field-seats"]').setValue('twelve'),
    testid: 'custom-field-seats',
    reason: 'NUMBER',
  },
];

describe('ContactForm refuses what the api refuses', () => {
  it.each(REFUSALS)('$title', async ({ apply, testid, reason, format }) => {
    const sut = mountForm();
    await fillValid(sut);
    await apply(sut);
    await submit(sut);
    expect(errorBeside(sut, testid)).toMatch(messagePattern(reason, format));
    expect(sut.emitted('submit')).toBeUndefined();
  });
});

describe('ContactForm', () => {
  it('renders each custom field with the input its type needs', () => {
    const sut = mountForm();
    expect(sut.find('[data-testid="custom-field-plan"]').element.tagName).toBe('SELECT');
    expect(sut.find('[data-testid="custom-field-renewal"]').attributes('type')).toBe('date');
    expect(sut.find('[data-testid="custom-field-vip"]').attributes('type')).toBe('checkbox');
    expect(sut.find('[data-testid="custom-field-seats"]').attributes('type')).toBe('text');
  });

  it('emits the api input, custom values as key/value text', async () => {
    const sut = mountForm();
    await fillValid(sut);
    await addTag(sut, 'contact-form-emails', 'Lucia@Example.com');
    await sut.find('[data-testid="custom-field-seats"]').setValue('12.50');
    await sut.find('[data-testid="custom-field-renewal"]').setValue('2027-01-31');
    await sut.find('[data-testid="custom-field-vip"]').setValue(true);
    await submit(sut);
    expect(sut.emitted('submit')?.[0]?.[0]).toMatchObject({
      firstName: 'Lucía',
      emails: ['Lucia@Example.com'],
      lifecycleStage: 'lead',
      customFields: [
        { key: 'plan', value: 'pro' },
        { key: 'seats', value: '12.50' },
        { key: 'renewal', value: '2027-01-31' },
        { key: 'vip', value: 'true' },
      ],
    });
  });

  it('says a server problem with a custom field beside it, in the user’s language', async () => {
    const sut = mountForm('es');
    await fillValid(sut);
    await submit(sut);
    const serverError: AppErrorInfo = {
      code: 'BAD_USER_INPUT',
      message: 'customFields.plan: must be one of: basic, pro',
      fields: [
        {
          field: 'customFields',
          index: null,
          path: 'customFields.plan',
          message: 'must be one of: basic, pro',
          reason: 'ONE_OF',
        },
      ],
    };
    await sut.setProps({ serverError });
    await nextTick();
    expect(errorBeside(sut, 'custom-field-plan')).toBe('Elige una de las opciones.');
  });
});
