import { refusedApiKeyInputs } from '@socialcrm/validation/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../../app/i18n.js';
import { errorBeside, messagePattern, submit } from '../../../../../testing/form-agreement.js';
import ApiKeyCreateForm from './ApiKeyCreateForm.vue';

const mountForm = () =>
  mount(ApiKeyCreateForm, {
    props: { submitting: false, error: null, secret: null },
    global: { plugins: [createAppI18n('en')] },
  });

// The api refuses each of these with the same field and reason (tests/integration/form-agreement).
describe('ApiKeyCreateForm refuses what the api refuses', () => {
  it.each(refusedApiKeyInputs)('$title', async ({ input, field, reason }) => {
    const sut = mountForm();
    await sut.find('[data-testid="api-key-name"]').setValue(String(input.name));
    await sut.find('[data-testid="api-key-role"]').setValue(String(input.role));
    await submit(sut);
    expect(errorBeside(sut, `api-key-${field}`)).toMatch(messagePattern(reason));
    expect(sut.emitted('create')).toBeUndefined();
  });

  it('creates a key with a trimmed name and the chosen role', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="api-key-name"]').setValue(' Zapier ');
    await sut.find('[data-testid="api-key-role"]').setValue('AGENT');
    await submit(sut);
    expect(sut.emitted('create')?.[0]?.slice(0, 2)).toEqual(['Zapier', 'AGENT']);
  });
});
