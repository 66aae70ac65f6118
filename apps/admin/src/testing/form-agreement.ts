import type { VueWrapper } from '@vue/test-utils';
import { flushPromises } from '@vue/test-utils';
import en from '../locales/en.json';

/**
 * The English message for a reason as a pattern: its placeholders (`{max}`) match any value, so
 * a test checks the form said this reason without repeating the schema's limits.
 */
export function messagePattern(reason: string, format?: string): RegExp {
  const fields = en.errors.fields as Record<string, unknown> & { formats: Record<string, string> };
  const template = (format && fields.formats[format]) || fields[reason];
  if (typeof template !== 'string') throw new Error(`no message for the reason ${reason}`);
  const escaped = template
    .replace(/\{'(.)'\}/g, '$1')
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{\w+\\?\}|\{\w+\}/g, '.+');
  return new RegExp(escaped);
}

/** The error shown beside the field whose control has this test id. */
export function errorBeside(wrapper: VueWrapper, testid: string): string | undefined {
  const control = wrapper.find(`[data-testid="${testid}"]`);
  const field = control.element.closest('.ui-field');
  return field?.querySelector('[data-testid="field-error"]')?.textContent?.trim();
}

/** Submits the form and waits for TanStack Form's asynchronous checks. */
export async function submit(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}
