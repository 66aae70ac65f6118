import { refusedWorkspaceInputs } from '@socialcrm/validation/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../../app/i18n.js';
import { errorBeside, messagePattern, submit } from '../../../../../testing/form-agreement.js';
import WorkspaceForm from './WorkspaceForm.vue';

const AGENCY_ID = '0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f';
const mountForm = () =>
  mount(WorkspaceForm, {
    props: { agencyId: AGENCY_ID, submitting: false, serverError: null },
    global: { plugins: [createAppI18n('en')] },
  });

// The api refuses each of these with the same field and reason (tests/integration/form-agreement).
describe('WorkspaceForm refuses what the api refuses', () => {
  it.each(refusedWorkspaceInputs)('$title', async ({ input, field, reason }) => {
    const sut = mountForm();
    await sut.find('[data-testid="workspace-form-name"]').setValue(String(input.name ?? ''));
    await sut.find('[data-testid="workspace-form-slug"]').setValue(String(input.slug ?? ''));
    await submit(sut);
    expect(errorBeside(sut, `workspace-form-${field}`)).toMatch(messagePattern(reason));
    expect(sut.emitted('submit')).toBeUndefined();
  });

  it('creates a workspace in the agency, leaving an empty slug to the api', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="workspace-form-name"]').setValue(' Café Aurora ');
    await submit(sut);
    expect(sut.emitted('submit')?.[0]?.[0]).toEqual({ agencyId: AGENCY_ID, name: 'Café Aurora' });
  });

  it('sends a slug when one is given', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="workspace-form-name"]').setValue('Café Aurora');
    await sut.find('[data-testid="workspace-form-slug"]').setValue('cafe-aurora');
    await submit(sut);
    expect(sut.emitted('submit')?.[0]?.[0]).toEqual({
      agencyId: AGENCY_ID,
      name: 'Café Aurora',
      slug: 'cafe-aurora',
    });
  });
});
