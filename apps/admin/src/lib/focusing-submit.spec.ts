import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { useFocusingSubmit } from './focusing-submit.js';

// A form whose submit refuses its second field, as the schema forms mark a refused field.
const Probe = defineComponent({
  setup() {
    const refused = ref(false);
    const { formElement, onSubmit } = useFocusingSubmit(async () => {
      refused.value = true;
    });
    return () =>
      h(
        'form',
        {
          ref: formElement,
          onSubmit: (event: Event) => {
            event.preventDefault();
            void onSubmit();
          },
        },
        [
          h('input', { 'data-testid': 'first', 'aria-invalid': 'false' }),
          h('input', { 'data-testid': 'second', 'aria-invalid': refused.value ? 'true' : 'false' }),
        ],
      );
  },
});

describe('useFocusingSubmit', () => {
  it('focuses the first field the submit refused, once it shows as refused', async () => {
    const sut = mount(Probe, { attachTo: document.body });
    await sut.find('form').trigger('submit');
    await flushPromises();
    expect(document.activeElement).toBe(sut.find('[data-testid="second"]').element);
    sut.unmount();
  });
});
