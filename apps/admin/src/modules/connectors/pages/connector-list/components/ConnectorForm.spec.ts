import { refusedConnectorInputs } from '@socialcrm/validation/testing';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../../app/i18n.js';
import { errorBeside, messagePattern, submit } from '../../../../../testing/form-agreement.js';
import type { Connector } from '../../../connector.documents.js';
import { connectorFieldOf, connectorFormOf } from '../../../connector-form.js';
import ConnectorForm from './ConnectorForm.vue';

const TESTID: Record<string, string> = {
  name: 'connector-form-name',
  feedUrl: 'connector-form-feed-url',
  pollIntervalSeconds: 'connector-form-interval',
  baseUrl: 'connector-form-base-url',
  stream: 'connector-form-stream',
  hashtag: 'connector-form-hashtag',
  secret: 'connector-form-secret',
};

// The api refuses each of these with the same field and reason (tests/integration/form-agreement).
describe('ConnectorForm refuses what the api refuses', () => {
  it.each(refusedConnectorInputs)('$title', async ({ input, field, reason }) => {
    const sut = mount(ConnectorForm, {
      props: { connector: null, saving: false, serverError: null },
      global: { plugins: [createAppI18n('en')] },
    });
    const values = {
      ...connectorFormOf(input as Pick<Connector, 'kind' | 'name' | 'settings'>),
      secret: String(input.secret ?? ''),
    };
    await sut.find('[data-testid="connector-form-kind"]').setValue(values.kind);
    for (const [key, testid] of Object.entries(TESTID)) {
      const control = sut.find(`[data-testid="${testid}"]`);
      if (control.exists()) await control.setValue(String(values[key as keyof typeof values]));
    }
    await submit(sut);

    const shownOn = connectorFieldOf(values.kind, field) ?? field;
    expect(errorBeside(sut, TESTID[shownOn] ?? '')).toMatch(messagePattern(reason));
    expect(sut.emitted('submit')).toBeUndefined();
  });

  it('submits a valid feed', async () => {
    const sut = mount(ConnectorForm, {
      props: { connector: null, saving: false, serverError: null },
      global: { plugins: [createAppI18n('en')] },
    });
    await sut.find('[data-testid="connector-form-name"]').setValue('Blog');
    await sut.find('[data-testid="connector-form-feed-url"]').setValue('https://blog.example/feed');
    await submit(sut);
    expect(sut.findAll('[data-testid="field-error"]')).toHaveLength(0);
    expect(sut.emitted('submit')?.[0]?.[0]).toMatchObject({
      name: 'Blog',
      feedUrl: 'https://blog.example/feed',
    });
  });
});
