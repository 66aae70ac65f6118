import { computed, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { type AppErrorInfo, fieldMessages } from '../../../lib/graphql-errors.js';
import { useProblemText } from '../../../lib/use-problem-text.js';
import {
  type BrandField,
  type BrandFormValues,
  parseTerms,
  TERM_FIELDS,
  validateBrand,
} from '../brand-validation.js';

const FIELDS: readonly BrandField[] = ['name', 'kind', ...TERM_FIELDS];

/**
 * Form state with client-side checks (shown once the user has tried to submit) and the
 * server's field errors (shown until that field changes).
 */
export function useBrandForm(initial: BrandFormValues, serverError: () => AppErrorInfo | null) {
  const { t } = useI18n();
  const describe = useProblemText();
  const values = reactive<BrandFormValues>({ ...initial });
  const attempted = ref(false);
  const serverFields = ref<Partial<Record<BrandField, string>>>({});
  let submittedValues: BrandFormValues = { ...initial };

  watch(serverError, (error) => {
    const lists = Object.fromEntries(TERM_FIELDS.map((f) => [f, parseTerms(submittedValues[f])]));
    serverFields.value = fieldMessages(error?.fields ?? [], lists, describe);
  });

  for (const field of FIELDS) {
    watch(
      () => values[field],
      () => {
        if (serverFields.value[field])
          serverFields.value = { ...serverFields.value, [field]: undefined };
      },
    );
  }

  const clientProblems = computed(() => validateBrand(values));
  const isValid = computed(() => Object.keys(clientProblems.value).length === 0);

  const errors = computed(() => {
    const shown: Partial<Record<BrandField, string>> = {};
    for (const field of FIELDS) {
      const problem = attempted.value ? clientProblems.value[field] : undefined;
      shown[field] = problem
        ? t(`brands.validation.${problem.key}`, problem.params ?? {})
        : serverFields.value[field];
    }
    return shown;
  });

  /** Marks the form as attempted; true when it may be sent. */
  function tryToSubmit(): boolean {
    attempted.value = true;
    submittedValues = { ...values };
    return isValid.value;
  }

  return { values, errors, isValid, tryToSubmit };
}
