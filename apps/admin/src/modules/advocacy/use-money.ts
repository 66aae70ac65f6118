import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';

/** Amounts in the tenant's reporting currency, in the user's language. */
export function useMoney(currency: Ref<string>) {
  const { locale } = useI18n();
  const format = computed(
    () => new Intl.NumberFormat(locale.value, { style: 'currency', currency: currency.value }),
  );
  return (amount: number) => format.value.format(amount);
}
