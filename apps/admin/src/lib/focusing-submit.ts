import { nextTick, ref } from 'vue';

/**
 * A form's submit that then moves focus to the first refused field, so keyboard and
 * screen-reader users land on the problem. Bind `formElement` as the form's template ref.
 */
export function useFocusingSubmit(submit: () => Promise<unknown>) {
  const formElement = ref<HTMLFormElement | null>(null);
  async function onSubmit(): Promise<void> {
    await submit();
    await nextTick();
    formElement.value?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
  return { formElement, onSubmit };
}
