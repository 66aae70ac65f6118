import { refusedInvitationInputs } from '@socialcrm/validation/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../../app/i18n.js';
import { errorBeside, messagePattern, submit } from '../../../../../testing/form-agreement.js';
import InviteForm from './InviteForm.vue';

const mountForm = () =>
  mount(InviteForm, {
    props: { submitting: false, error: null, createdLink: null },
    global: { plugins: [createAppI18n('en')] },
  });

// The api refuses each of these with the same field and reason (tests/integration/form-agreement).
describe('InviteForm refuses what the api refuses', () => {
  it.each(refusedInvitationInputs)('$title', async ({ input, field, reason }) => {
    const sut = mountForm();
    await sut.find('[data-testid="invite-email"]').setValue(String(input.email));
    await sut.find('[data-testid="invite-role"]').setValue(String(input.role));
    await submit(sut);
    expect(errorBeside(sut, `invite-${field}`)).toMatch(messagePattern(reason, 'email'));
    expect(sut.emitted('invite')).toBeUndefined();
  });

  it('invites a valid address with the chosen role', async () => {
    const sut = mountForm();
    await sut.find('[data-testid="invite-email"]').setValue(' ana@example.com ');
    await sut.find('[data-testid="invite-role"]').setValue('AGENT');
    await submit(sut);
    expect(sut.emitted('invite')?.[0]?.slice(0, 2)).toEqual(['ana@example.com', 'AGENT']);
  });
});
