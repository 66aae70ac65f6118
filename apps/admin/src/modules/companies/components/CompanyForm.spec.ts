import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../app/i18n.js';
import { errorBeside, messagePattern, submit } from '../../../testing/form-agreement.js';
import type { CustomFieldDefinition } from '../../custom-fields/custom-field.documents.js';
import { emptyCompanyForm } from '../company-form-values.js';
import CompanyForm from './CompanyForm.vue';

const field = (
  key: string,
  type: CustomFieldDefinition['type'],
  required: boolean,
): CustomFieldDefinition => ({
  id: `id-${key}`,
  entity: 'COMPANY',
  key,
  label: key,
  type,
  options: [],
  required,
  position: 0,
});
const DEFINITIONS = [
  field('founded', 'DATE', false),
  field('partner', 'BOOLEAN', true),
  field('account', 'TEXT', true),
];

function mountForm() {
  return mount(CompanyForm, {
    props: {
      initial: emptyCompanyForm(DEFINITIONS),
      definitions: DEFINITIONS,
      submitting: false,
      serverError: null,
      submitLabel: 'Create',
    },
    global: { plugins: [createAppI18n('en')] },
  });
}

describe('CompanyForm refuses what the api refuses', () => {
  it.each([
    {
      title: 'an empty name',
      name: '',
      domain: '',
      testid: 'company-form-name',
      reason: 'REQUIRED',
    },
    {
      title: 'a domain that is not one',
      name: 'Acme',
      domain: 'not a domain',
      testid: 'company-form-domain',
      reason: 'DOMAIN',
    },
    {
      title: 'a required custom field left empty',
      name: 'Acme',
      domain: '',
      account: '',
      testid: 'custom-field-account',
      reason: 'REQUIRED',
    },
  ])('$title', async ({ name, domain, account, testid, reason }) => {
    const sut = mountForm();
    await sut.find('[data-testid="company-form-name"]').setValue(name);
    await sut.find('[data-testid="company-form-domain"]').setValue(domain);
    await sut.find('[data-testid="custom-field-account"]').setValue(account ?? 'A-1');
    await submit(sut);
    expect(errorBeside(sut, testid)).toMatch(messagePattern(reason));
    expect(sut.emitted('submit')).toBeUndefined();
  });

  it('emits the input with its custom values as text; an untouched checkbox is a "no"', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="company-form-name"]').setValue('Acme');
    await sut.find('[data-testid="company-form-domain"]').setValue('https://www.acme.com/');
    await sut.find('[data-testid="custom-field-founded"]').setValue('1999-05-01');
    await sut.find('[data-testid="custom-field-account"]').setValue('A-1');
    await submit(sut);
    expect(sut.emitted('submit')?.[0]?.[0]).toMatchObject({
      name: 'Acme',
      domain: 'https://www.acme.com/',
      customFields: [
        { key: 'founded', value: '1999-05-01' },
        { key: 'partner', value: 'false' },
        { key: 'account', value: 'A-1' },
      ],
    });
  });
});
