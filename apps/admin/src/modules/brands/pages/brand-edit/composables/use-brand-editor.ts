import { useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { type AppErrorInfo, toAppError } from '../../../../../lib/graphql-errors.js';
import { BrandQuery, CreateBrandMutation, UpdateBrandMutation } from '../../../brand.documents.js';
import {
  type BrandFormValues,
  brandToForm,
  emptyBrandForm,
  toBrandInput,
} from '../../../brand-form-values.js';

/** Loads a brand to edit (or starts a new one) and saves it. */
export function useBrandEditor(id: () => string | undefined) {
  const brandQuery = useQuery({
    query: BrandQuery,
    variables: computed(() => ({ id: id() ?? '' })),
    pause: computed(() => !id()),
    requestPolicy: 'cache-and-network',
  });
  const create = useMutation(CreateBrandMutation);
  const update = useMutation(UpdateBrandMutation);
  const saveError = ref<AppErrorInfo | null>(null);

  const initial = computed<BrandFormValues | null>(() => {
    if (!id()) return emptyBrandForm();
    const brand = brandQuery.data.value?.brand;
    return brand ? brandToForm(brand) : null;
  });
  const loadError = computed(() => toAppError(brandQuery.error.value));
  const saving = computed(() => create.fetching.value || update.fetching.value);

  /** Saves the form; resolves true on success. */
  async function save(values: BrandFormValues): Promise<boolean> {
    saveError.value = null;
    const input = toBrandInput(values);
    const brandId = id();
    const result = brandId
      ? await update.executeMutation({ id: brandId, input })
      : await create.executeMutation({ input });
    saveError.value = toAppError(result.error);
    return !result.error;
  }

  return { initial, loadError, loading: brandQuery.fetching, saving, saveError, save };
}
