import { onScopeDispose, watchEffect } from 'vue';

/** The product name every page title ends with (a brand name, not translated). */
export const APP_NAME = 'Social CRM';

/**
 * Names the current page in the browser tab: `usePageTitle(() => t('brands.title'))`
 * sets `document.title` to "Brands — Social CRM" and follows locale changes.
 * When the component goes away the title goes back to the product name
 * (unless another page has already set its own).
 */
export function usePageTitle(title: () => string | null | undefined): void {
  let current = '';
  watchEffect(() => {
    const name = title();
    current = name ? `${name} — ${APP_NAME}` : APP_NAME;
    document.title = current;
  });
  onScopeDispose(() => {
    if (document.title === current) document.title = APP_NAME;
  });
}
